package dev.rollcall.domain.member;

import dev.rollcall.domain.InvalidRequestException;
import dev.rollcall.domain.Lengths;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything an identity provider says about a member, as one value: what SCIM create and replace
 * write. {@code orgadmin} is empty when the request did not mention it (nothing changes then).
 */
public record Profile(
    String userName,
    String externalId,
    PersonName name,
    String displayName,
    String nickName,
    String profileUrl,
    String title,
    String userType,
    String preferredLanguage,
    String locale,
    String timezone,
    boolean active,
    List<Email> emails,
    EnterpriseProfile enterprise,
    String otherAttributes,
    Optional<Boolean> orgadmin,
    List<CustomAttribute> customAttributes) {
  public Profile {
    Objects.requireNonNull(userName, "userName");
    name = name == null ? PersonName.empty() : name;
    emails = emails == null ? List.of() : List.copyOf(emails);
    enterprise = enterprise == null ? EnterpriseProfile.empty() : enterprise;
    orgadmin = orgadmin == null ? Optional.empty() : orgadmin;
    customAttributes = customAttributes == null ? List.of() : List.copyOf(customAttributes);
  }

  /**
   * Refuses, naming the attribute (as SCIM spells it) and its limit, any value longer than the
   * column that stores it; checked before anything is written.
   */
  public void requireFits() {
    Lengths.requireKeyed("userName", userName, Member.USER_NAME_LENGTH);
    Lengths.require("externalId", externalId, Member.EXTERNAL_ID_LENGTH);
    Lengths.require("name.formatted", name.formatted(), PersonName.FORMATTED_LENGTH);
    Lengths.require("name.familyName", name.familyName(), PersonName.PART_LENGTH);
    Lengths.require("name.givenName", name.givenName(), PersonName.PART_LENGTH);
    Lengths.require("name.middleName", name.middleName(), PersonName.PART_LENGTH);
    Lengths.require("name.honorificPrefix", name.honorificPrefix(), PersonName.HONORIFIC_LENGTH);
    Lengths.require("name.honorificSuffix", name.honorificSuffix(), PersonName.HONORIFIC_LENGTH);
    Lengths.requireKeyed("displayName", displayName, Member.DISPLAY_NAME_LENGTH);
    Lengths.require("nickName", nickName, Member.NICK_NAME_LENGTH);
    Lengths.require("profileUrl", profileUrl, Member.PROFILE_URL_LENGTH);
    Lengths.require("title", title, Member.TITLE_LENGTH);
    Lengths.require("userType", userType, Member.USER_TYPE_LENGTH);
    Lengths.require("preferredLanguage", preferredLanguage, Member.LANGUAGE_LENGTH);
    Lengths.require("locale", locale, Member.LOCALE_LENGTH);
    Lengths.require("timezone", timezone, Member.TIMEZONE_LENGTH);
    for (Email email : emails) {
      Lengths.requireKeyed("emails.value", email.value(), MemberEmail.VALUE_LENGTH);
      Lengths.require("emails.type", email.type(), MemberEmail.TYPE_LENGTH);
      Lengths.require("emails.display", email.display(), MemberEmail.DISPLAY_LENGTH);
    }
    int enterpriseLength = EnterpriseProfile.VALUE_LENGTH;
    Lengths.require("employeeNumber", enterprise.employeeNumber(), enterpriseLength);
    Lengths.require("costCenter", enterprise.costCenter(), enterpriseLength);
    Lengths.require("organization", enterprise.organization(), enterpriseLength);
    Lengths.require("division", enterprise.division(), enterpriseLength);
    Lengths.require("department", enterprise.department(), enterpriseLength);
    Lengths.require("manager.value", enterprise.managerId(), enterpriseLength);
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
        userName,
        externalId,
        name,
        displayName,
        nickName,
        profileUrl,
        title,
        userType,
        preferredLanguage,
        locale,
        timezone,
        active,
        replacement,
        enterprise,
        otherAttributes,
        orgadmin,
        customAttributes);
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
