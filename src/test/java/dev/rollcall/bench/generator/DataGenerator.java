package dev.rollcall.bench.generator;

import dev.rollcall.application.GroupProvisioning;
import dev.rollcall.application.GroupProvisioning.GroupChange;
import dev.rollcall.application.SecurityIntegrationService.ScimPrincipal;
import dev.rollcall.application.UserProvisioning;
import dev.rollcall.domain.ExpectedVersion;
import dev.rollcall.domain.member.Email;
import dev.rollcall.domain.member.Profile;
import dev.rollcall.domain.member.UserAttribute;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads benchmark data through the application's own services (the same validation, adoption
 * checks, rows and indexes as a SCIM request), one transaction per batch instead of one per HTTP
 * request: setup at database speed, data identical to what identity providers push.
 */
@Stateless
public class DataGenerator {
  @Inject UserProvisioning users;
  @Inject GroupProvisioning groups;

  /**
   * Users {@code prefix<from>@domain} .. {@code prefix<to - 1>@domain}, shaped like Okta's push
   * (see {@code LoadDriver.oktaUser}), in one transaction; returns their ids in order.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<String> createUsers(
      ScimPrincipal caller, String prefix, String domain, int from, int to) {
    List<String> ids = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      ids.add(users.create(caller, oktaProfile(prefix + i + "@" + domain, i)).user().member().id());
    }
    return ids;
  }

  /** An empty group managed by the caller's integration; returns its id. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public String createGroup(ScimPrincipal caller, String displayName) {
    return groups.create(caller, displayName, null, List.of()).role().id();
  }

  /** Adds members to a group in one transaction, as a PATCH add would. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void addMembers(ScimPrincipal caller, String groupId, Set<String> memberIds) {
    groups.change(
        caller,
        groupId,
        new GroupChange(Optional.empty(), Optional.empty(), false, Set.of(), memberIds),
        ExpectedVersion.any(),
        false);
  }

  static Profile oktaProfile(String userName, int n) {
    Map<UserAttribute, String> attributes = new EnumMap<>(UserAttribute.class);
    attributes.put(UserAttribute.USER_NAME, userName);
    attributes.put(UserAttribute.EXTERNAL_ID, "00u" + n);
    attributes.put(UserAttribute.FAMILY_NAME, "Family" + n);
    attributes.put(UserAttribute.GIVEN_NAME, "Given" + n);
    attributes.put(UserAttribute.DISPLAY_NAME, "Given" + n + " Family" + n);
    attributes.put(UserAttribute.LOCALE, "en-US");
    return new Profile(
        attributes,
        true,
        List.of(new Email(userName, "work", null, true)),
        null,
        Optional.empty(),
        List.of());
  }
}
