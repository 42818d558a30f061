package dev.rollcall.scim.resource;

import static dev.rollcall.scim.resource.JsonReading.array;
import static dev.rollcall.scim.resource.JsonReading.bool;
import static dev.rollcall.scim.resource.JsonReading.invalid;
import static dev.rollcall.scim.resource.JsonReading.object;
import static dev.rollcall.scim.resource.JsonReading.string;

import dev.rollcall.application.UserProvisioning.ProvisionedUser;
import dev.rollcall.domain.member.Email;
import dev.rollcall.domain.member.EnterpriseProfile;
import dev.rollcall.domain.member.Member;
import dev.rollcall.domain.member.PersonName;
import dev.rollcall.domain.member.Profile;
import dev.rollcall.domain.role.GrantRepository.GroupRef;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The SCIM User representation of a member, and the {@link Profile} a request body describes.
 * Read-only attributes (id, meta, groups) and the password are ignored on input; unknown attributes
 * are ignored too (RFC 7644 §3.3 lets a provider drop what it does not support).
 */
public final class UserRepresentation {
  public static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
  public static final String ENTERPRISE_SCHEMA =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  /** Core attributes stored as they come (JSON) rather than as columns. */
  static final Set<String> STORED_AS_JSON =
      Set.of(
          "phoneNumbers",
          "ims",
          "photos",
          "addresses",
          "entitlements",
          "roles",
          "x509Certificates");

  private UserRepresentation() {}

  /** Reads a POST or PUT body. */
  public static Profile toProfile(JsonObject body) {
    String userName =
        string(body, "userName", "userName")
            .filter(s -> !s.isBlank())
            .orElseThrow(() -> invalid("userName is required"));
    JsonObject name = object(body, "name", "name").orElse(JsonValue.EMPTY_JSON_OBJECT);
    PersonName personName =
        new PersonName(
            string(name, "formatted", "name.formatted").orElse(null),
            string(name, "familyName", "name.familyName").orElse(null),
            string(name, "givenName", "name.givenName").orElse(null),
            string(name, "middleName", "name.middleName").orElse(null),
            string(name, "honorificPrefix", "name.honorificPrefix").orElse(null),
            string(name, "honorificSuffix", "name.honorificSuffix").orElse(null));
    JsonObject enterprise =
        object(body, ENTERPRISE_SCHEMA, ENTERPRISE_SCHEMA).orElse(JsonValue.EMPTY_JSON_OBJECT);
    String manager =
        JsonReading.get(enterprise, "manager")
            .map(
                value -> {
                  if (value instanceof JsonObject o) {
                    return string(o, "value", "manager.value").orElse(null);
                  }
                  if (value instanceof jakarta.json.JsonString s) {
                    return s.getString();
                  }
                  throw invalid("manager must be an object with a value");
                })
            .orElse(null);
    EnterpriseProfile enterpriseProfile =
        new EnterpriseProfile(
            string(enterprise, "employeeNumber", "employeeNumber").orElse(null),
            string(enterprise, "costCenter", "costCenter").orElse(null),
            string(enterprise, "organization", "organization").orElse(null),
            string(enterprise, "division", "division").orElse(null),
            string(enterprise, "department", "department").orElse(null),
            manager);
    return new Profile(
        userName,
        string(body, "externalId", "externalId").orElse(null),
        personName,
        string(body, "displayName", "displayName").orElse(null),
        string(body, "nickName", "nickName").orElse(null),
        string(body, "profileUrl", "profileUrl").orElse(null),
        string(body, "title", "title").orElse(null),
        string(body, "userType", "userType").orElse(null),
        string(body, "preferredLanguage", "preferredLanguage").orElse(null),
        string(body, "locale", "locale").orElse(null),
        string(body, "timezone", "timezone").orElse(null),
        bool(body, "active", "active").orElse(true),
        emails(body),
        enterpriseProfile,
        otherAttributes(body),
        bool(body, "orgadmin", "orgadmin"));
  }

  private static List<Email> emails(JsonObject body) {
    List<Email> emails = new ArrayList<>();
    boolean primarySeen = false;
    for (JsonValue value : array(body, "emails", "emails").orElse(JsonValue.EMPTY_JSON_ARRAY)) {
      if (!(value instanceof JsonObject email)) {
        throw invalid("emails must be an array of objects");
      }
      String address =
          string(email, "value", "emails.value")
              .filter(s -> !s.isBlank())
              .orElseThrow(() -> invalid("every email needs a value"));
      if (address.length() > 320) {
        throw invalid("emails.value is longer than 320 characters");
      }
      boolean primary = bool(email, "primary", "emails.primary").orElse(false) && !primarySeen;
      primarySeen |= primary;
      emails.add(
          new Email(
              address,
              string(email, "type", "emails.type").orElse(null),
              string(email, "display", "emails.display").orElse(null),
              primary));
    }
    return emails;
  }

  private static String otherAttributes(JsonObject body) {
    JsonObjectBuilder other = Json.createObjectBuilder();
    boolean any = false;
    for (String name : STORED_AS_JSON) {
      Optional<JsonValue> value = JsonReading.get(body, name);
      if (value.isPresent()) {
        if (value.get().getValueType() != JsonValue.ValueType.ARRAY) {
          throw invalid(name + " must be an array");
        }
        other.add(name, value.get());
        any = true;
      }
    }
    return any ? other.build().toString() : null;
  }

  /** The full representation (before attribute projection). */
  public static JsonObject toJson(ProvisionedUser user, String scimBase) {
    Member member = user.member();
    EnterpriseProfile enterprise = member.enterprise();
    JsonArrayBuilder schemas = Json.createArrayBuilder().add(USER_SCHEMA);
    if (!enterprise.isEmpty()) {
      schemas.add(ENTERPRISE_SCHEMA);
    }
    JsonObjectBuilder json =
        Json.createObjectBuilder().add("schemas", schemas).add("id", member.id());
    member.externalId().ifPresent(v -> json.add("externalId", v));
    json.add("userName", member.userName());
    PersonName name = member.name();
    if (!name.isEmpty()) {
      JsonObjectBuilder n = Json.createObjectBuilder();
      put(n, "formatted", name.formatted());
      put(n, "familyName", name.familyName());
      put(n, "givenName", name.givenName());
      put(n, "middleName", name.middleName());
      put(n, "honorificPrefix", name.honorificPrefix());
      put(n, "honorificSuffix", name.honorificSuffix());
      json.add("name", n);
    }
    member.displayName().ifPresent(v -> json.add("displayName", v));
    member.nickName().ifPresent(v -> json.add("nickName", v));
    member.profileUrl().ifPresent(v -> json.add("profileUrl", v));
    member.title().ifPresent(v -> json.add("title", v));
    member.userType().ifPresent(v -> json.add("userType", v));
    member.preferredLanguage().ifPresent(v -> json.add("preferredLanguage", v));
    member.locale().ifPresent(v -> json.add("locale", v));
    member.timezone().ifPresent(v -> json.add("timezone", v));
    json.add("active", member.active());
    if (!user.emails().isEmpty()) {
      JsonArrayBuilder emails = Json.createArrayBuilder();
      for (Email email : user.emails()) {
        JsonObjectBuilder e = Json.createObjectBuilder().add("value", email.value());
        put(e, "type", email.type());
        put(e, "display", email.display());
        e.add("primary", email.primary());
        emails.add(e);
      }
      json.add("emails", emails);
    }
    member
        .otherAttributes()
        .map(text -> Json.createReader(new StringReader(text)).readObject())
        .ifPresent(other -> other.forEach(json::add));
    json.add("orgadmin", user.orgadmin());
    if (!user.groups().isEmpty()) {
      JsonArrayBuilder groups = Json.createArrayBuilder();
      for (GroupRef group : user.groups()) {
        groups.add(
            Json.createObjectBuilder()
                .add("value", group.id())
                .add("$ref", scimBase + "/Groups/" + group.id())
                .add("display", group.name())
                .add("type", "direct"));
      }
      json.add("groups", groups);
    }
    if (!enterprise.isEmpty()) {
      JsonObjectBuilder e = Json.createObjectBuilder();
      put(e, "employeeNumber", enterprise.employeeNumber());
      put(e, "costCenter", enterprise.costCenter());
      put(e, "organization", enterprise.organization());
      put(e, "division", enterprise.division());
      put(e, "department", enterprise.department());
      if (enterprise.managerId() != null) {
        e.add(
            "manager",
            Json.createObjectBuilder()
                .add("value", enterprise.managerId())
                .add("$ref", scimBase + "/Users/" + enterprise.managerId()));
      }
      json.add(ENTERPRISE_SCHEMA, e);
    }
    json.add(
        "meta",
        Meta.of(
            "User",
            member.createdAt(),
            member.updatedAt(),
            member.version(),
            scimBase + "/Users/" + member.id()));
    return json.build();
  }

  private static void put(JsonObjectBuilder json, String name, String value) {
    if (value != null) {
      json.add(name, value);
    }
  }
}
