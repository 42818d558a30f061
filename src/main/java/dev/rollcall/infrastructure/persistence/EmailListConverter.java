package dev.rollcall.infrastructure.persistence;

import static dev.rollcall.json.JsonFactory.JSON;

import dev.rollcall.domain.member.Email;
import dev.rollcall.domain.member.EmailList;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * A member's emails in their row, as a JSON array of {@code {"value", "type", "display",
 * "primary"}} (SCIM's own shape; absent type and display are left out). No emails is NULL.
 */
@Converter(autoApply = true)
public class EmailListConverter implements AttributeConverter<EmailList, String> {
  @Override
  public String convertToDatabaseColumn(EmailList emails) {
    if (emails == null || emails.items().isEmpty()) {
      return null;
    }
    JsonArrayBuilder array = JSON.createArrayBuilder();
    for (Email email : emails.items()) {
      JsonObjectBuilder item = JSON.createObjectBuilder().add("value", email.value());
      if (email.type() != null) {
        item.add("type", email.type());
      }
      if (email.display() != null) {
        item.add("display", email.display());
      }
      array.add(item.add("primary", email.primary()));
    }
    return array.build().toString();
  }

  @Override
  public EmailList convertToEntityAttribute(String column) {
    if (column == null || column.isEmpty()) {
      return EmailList.NONE;
    }
    JsonArray array;
    try (var reader = JSON.createReader(new StringReader(column))) {
      array = reader.readArray();
    }
    List<Email> emails = new ArrayList<>(array.size());
    for (JsonObject item : array.getValuesAs(JsonObject.class)) {
      emails.add(
          new Email(
              item.getString("value"),
              item.getString("type", null),
              item.getString("display", null),
              item.get("primary") == JsonValue.TRUE));
    }
    return new EmailList(emails);
  }
}
