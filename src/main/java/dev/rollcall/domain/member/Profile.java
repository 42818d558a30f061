package dev.rollcall.domain.member;

import dev.rollcall.domain.InvalidRequestException;
import dev.rollcall.domain.Lengths;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything an identity provider says about a member, as one value: what SCIM create and replace
 * write. {@code orgadmin} is empty when the request did not mention it (nothing changes then).
 */
public record Profile(
    Map<UserAttribute, String> attributes,
    boolean active,
    List<Email> emails,
    String otherAttributes,
    Optional<Boolean> orgadmin,
    List<CustomAttribute> customAttributes) {
  public Profile {
    EnumMap<UserAttribute, String> values = new EnumMap<>(UserAttribute.class);
    attributes.forEach(
        (attribute, value) -> {
          if (value != null) {
            values.put(attribute, value);
          }
        });
    Objects.requireNonNull(values.get(UserAttribute.USER_NAME), "userName");
    attributes = Collections.unmodifiableMap(values);
    emails = emails == null ? List.of() : List.copyOf(emails);
    orgadmin = orgadmin == null ? Optional.empty() : orgadmin;
    customAttributes = customAttributes == null ? List.of() : List.copyOf(customAttributes);
  }

  public String userName() {
    return attributes.get(UserAttribute.USER_NAME);
  }

  /** The value of {@code attribute}, or null. */
  public String value(UserAttribute attribute) {
    return attributes.get(attribute);
  }

  /**
   * Refuses, naming the attribute (as SCIM spells it) and its limit, any value longer than the
   * column that stores it; checked before anything is written.
   */
  public void requireFits() {
    for (Map.Entry<UserAttribute, String> value : attributes.entrySet()) {
      UserAttribute attribute = value.getKey();
      if (attribute.match() == UserAttribute.Match.KEY) {
        Lengths.requireKeyed(attribute.path(), value.getValue(), attribute.maxLength());
      } else {
        Lengths.require(attribute.path(), value.getValue(), attribute.maxLength());
      }
    }
    for (Email email : emails) {
      Lengths.requireKeyed("emails.value", email.value(), MemberEmail.VALUE_LENGTH);
      Lengths.require("emails.type", email.type(), MemberEmail.TYPE_LENGTH);
      Lengths.require("emails.display", email.display(), MemberEmail.DISPLAY_LENGTH);
    }
    for (CustomAttribute value : customAttributes) {
      String attribute = value.schema() + ":" + value.name();
      Lengths.requireKeyed(attribute, value.text(), MemberAttribute.TEXT_LENGTH);
      BigDecimal number = value.number();
      if (number != null
          && number.precision() - number.scale() > MemberAttribute.NUMBER_INTEGER_DIGITS) {
        throw new InvalidRequestException(
            attribute
                + " must have at most "
                + MemberAttribute.NUMBER_INTEGER_DIGITS
                + " digits before the decimal point");
      }
    }
  }

  /** This profile with other emails. */
  public Profile withEmails(List<Email> replacement) {
    return new Profile(
        attributes, active, replacement, otherAttributes, orgadmin, customAttributes);
  }

  /** The address statements know the member by: the primary email, else the first, else none. */
  public Optional<String> primaryEmail() {
    return emails.stream()
        .filter(Email::primary)
        .findFirst()
        .or(() -> emails.stream().findFirst())
        .map(Email::value);
  }
}
