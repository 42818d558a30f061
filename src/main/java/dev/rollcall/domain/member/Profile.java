package dev.rollcall.domain.member;

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
