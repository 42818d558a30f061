package dev.rollcall.application;

import dev.rollcall.application.SecurityIntegrationService.ScimPrincipal;
import dev.rollcall.application.tenancy.TenantScoped;
import dev.rollcall.domain.ConflictException;
import dev.rollcall.domain.ExpectedVersion;
import dev.rollcall.domain.InvalidRequestException;
import dev.rollcall.domain.NotFoundException;
import dev.rollcall.domain.PreconditionFailedException;
import dev.rollcall.domain.integration.ExtensionDeclaration;
import dev.rollcall.domain.member.CustomAttribute;
import dev.rollcall.domain.member.Email;
import dev.rollcall.domain.member.Member;
import dev.rollcall.domain.member.MemberRepository;
import dev.rollcall.domain.member.Profile;
import dev.rollcall.domain.role.BuiltInRole;
import dev.rollcall.domain.role.GrantRepository;
import dev.rollcall.domain.role.GrantRepository.DirectRoles;
import dev.rollcall.domain.role.GrantRepository.GroupRef;
import dev.rollcall.domain.role.MemberRole;
import dev.rollcall.domain.role.Role;
import dev.rollcall.domain.role.RoleRepository;
import dev.rollcall.query.Filter;
import dev.rollcall.query.SearchPage;
import dev.rollcall.query.Sort;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Users pushed by an identity provider, as members: created (or adopted), replaced, deactivated and
 * deleted. Every call acts as the integration's run-as role; the SCIM layer maps JSON to {@link
 * Profile}.
 */
@Stateless
@TenantScoped
public class UserProvisioning {
  private final MemberRepository members;
  private final GrantRepository grants;
  private final RoleRepository roles;
  private final MemberService memberService;
  private final IntegrationOwner owner;
  private final UserSearch search;
  private final Clock clock;
  private final OrgadminGuard orgadminGuard;

  /** A member with what SCIM shows of them besides the entity. */
  public record ProvisionedUser(
      Member member,
      List<Email> emails,
      boolean orgadmin,
      List<GroupRef> groups,
      List<CustomAttribute> customAttributes) {}

  /** The outcome of a create: the user, and whether an existing member was adopted. */
  public record Created(ProvisionedUser user, boolean adopted) {}

  @Inject
  public UserProvisioning(
      MemberRepository members,
      GrantRepository grants,
      RoleRepository roles,
      MemberService memberService,
      IntegrationOwner owner,
      UserSearch search,
      Clock clock,
      OrgadminGuard orgadminGuard) {
    this.members = members;
    this.grants = grants;
    this.roles = roles;
    this.memberService = memberService;
    this.owner = owner;
    this.search = search;
    this.clock = clock;
    this.orgadminGuard = orgadminGuard;
  }

  public UserProvisioning() {
    this(null, null, null, null, null, null, null, null);
  }

  /**
   * Creates the member, or adopts an existing one that no integration manages and whose userName or
   * primary email matches (so the admin who set the integration up is linked, not duplicated): the
   * userName match, else the oldest such member with the email. Only userName is unique: the
   * userName of a member an integration manages is refused, an email only such members have is not.
   */
  public Created create(ScimPrincipal caller, Profile profile) {
    validate(profile);
    Optional<Member> existing =
        profile
            .primaryEmail()
            .map(email -> members.findByUserNameOrEmail(profile.userName(), email))
            .orElseGet(() -> members.findByUserName(profile.userName()));
    if (existing.isPresent()) {
      Member member = existing.get();
      if (member.managedBy().isPresent()) {
        throw new ConflictException(
            "A user with userName " + profile.userName() + " already exists");
      }
      if (!member.userName().equalsIgnoreCase(profile.userName())) {
        requireUserNameFree(profile.userName(), member.id());
      }
      ProvisionedUser current = view(member);
      // a push that names no email does not erase the one the member has
      Profile adopted = profile.emails().isEmpty() ? profile.withEmails(current.emails()) : profile;
      write(member, adopted, caller, current);
      return new Created(written(member, adopted, current), true);
    }
    Instant now = clock.instant();
    Member member =
        new Member(
            UUID.randomUUID().toString(),
            profile.userName(),
            profile.primaryEmail().orElse(null),
            now);
    members.add(member);
    // a new member has no emails, values or roles: nothing to read before writing
    ProvisionedUser none = new ProvisionedUser(member, List.of(), false, List.of(), List.of());
    write(member, profile, caller, none);
    return new Created(written(member, profile, none), false);
  }

  /**
   * PUT, in one transaction: {@code replacement} turns the current user into the profile that
   * replaces everything the identity provider manages of the member (the SCIM layer checks the body
   * against the current user, so immutable values stay); nothing is written if it fails.
   */
  public ProvisionedUser replace(
      ScimPrincipal caller,
      String id,
      ExpectedVersion expected,
      java.util.function.Function<ProvisionedUser, Profile> replacement) {
    return patch(caller, id, expected, replacement);
  }

  /**
   * PATCH, in one transaction: {@code change} turns the current user into the new profile (the SCIM
   * layer applies the operations to the representation); nothing is written if it fails.
   */
  public ProvisionedUser patch(
      ScimPrincipal caller,
      String id,
      ExpectedVersion expected,
      java.util.function.Function<ProvisionedUser, Profile> change) {
    Member member = find(id);
    expected.check("User " + id, member.version());
    ProvisionedUser current = view(member);
    Profile profile = change.apply(current);
    validate(profile);
    if (!member.userName().equalsIgnoreCase(profile.userName())) {
      requireUserNameFree(profile.userName(), member.id());
    }
    write(member, profile, caller, current);
    return written(member, profile, current);
  }

  /** Deletes the member; returns it as it was. */
  public Member delete(ScimPrincipal caller, String id, ExpectedVersion expected) {
    Member member = find(id);
    expected.check("User " + id, member.version());
    owner.requireCovers(caller, member, "deleting " + member.userName());
    memberService.remove(member);
    return member;
  }

  /**
   * The user as SCIM shows it; custom values are read only when an extension is declared (values of
   * extensions no integration declares are not shown). Reads only: no global transaction.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public ProvisionedUser get(String id, List<ExtensionDeclaration> extensions) {
    UserSearch.UserMatch found =
        search.user(id).orElseThrow(() -> new NotFoundException("User " + id + " not found"));
    return view(found.member(), found.holdsRoles(), !extensions.isEmpty());
  }

  /**
   * One page of users matching the filter. Their emails are in their rows; custom values (when an
   * extension is declared) and roles (groups and orgadmin) take one query each for the whole page,
   * never one per user, and none when the search saw that no member on the page holds a role.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public SearchPage<ProvisionedUser> search(
      Filter filter, Sort sort, int startIndex, int count, List<ExtensionDeclaration> extensions) {
    SearchPage<UserSearch.UserMatch> page =
        search.users(filter, sort, startIndex, count, BuiltInRole.ORGADMIN.roleName(), extensions);
    if (page.items().isEmpty()) {
      return new SearchPage<>(page.total(), List.of());
    }
    List<String> ids = page.items().stream().map(m -> m.member().id()).toList();
    List<String> holders =
        page.items().stream()
            .filter(UserSearch.UserMatch::holdsRoles)
            .map(m -> m.member().id())
            .toList();
    // values of extensions no integration declares are not shown, so with none declared there is
    // nothing to read
    Map<String, List<CustomAttribute>> custom =
        extensions.isEmpty() ? Map.of() : members.attributesOf(ids);
    Map<String, DirectRoles> roles =
        holders.isEmpty()
            ? Map.of()
            : grants.directRolesOf(holders, BuiltInRole.ORGADMIN.roleName());
    return new SearchPage<>(
        page.total(),
        page.items().stream()
            .map(UserSearch.UserMatch::member)
            .map(
                m -> {
                  DirectRoles held = roles.getOrDefault(m.id(), DirectRoles.NONE);
                  return new ProvisionedUser(
                      m,
                      m.emails(),
                      held.orgadmin(),
                      held.groups(),
                      custom.getOrDefault(m.id(), List.of()));
                })
            .toList());
  }

  /**
   * Writes the profile over the member; {@code current} is what this transaction read of the member
   * (or an empty user for a new one), so rows that stay as they are are not read again.
   */
  private void write(
      Member member, Profile profile, ScimPrincipal caller, ProvisionedUser current) {
    profile
        .orgadmin()
        .filter(grant -> grant != current.orgadmin())
        .ifPresent(
            grant ->
                owner.requireOrgadmin(
                    caller,
                    (grant ? "granting orgadmin to " : "revoking orgadmin from ")
                        + profile.userName()));

    boolean deactivates = member.active() && !profile.active();
    if (deactivates) {
      owner.requireCovers(caller, member, "deactivating " + member.userName());
    }
    boolean revokesOrgadmin = current.orgadmin() && profile.orgadmin().equals(Optional.of(false));
    if (deactivates || revokesOrgadmin) {
      orgadminGuard.run(
          (deactivates ? "Deactivating user " : "Revoking orgadmin from ")
              + member.userName()
              + " was refused",
          () -> apply(member, profile, caller, current));
    } else {
      apply(member, profile, caller, current);
    }
  }

  private void apply(
      Member member, Profile profile, ScimPrincipal caller, ProvisionedUser current) {
    Instant now = clock.instant();
    try {
      boolean changed = member.applyProfile(profile, now);
      member.manageBy(caller.integrationId(), now);
      // (a query may flush the changes above: the whole write is inside the translation below)
      // each replace reads the stored rows once and reports whether it had to change them
      if (current.emails().isEmpty()) {
        members.addEmails(member.id(), profile.emails());
        changed |= !profile.emails().isEmpty();
      } else if (!current.emails().equals(profile.emails())) {
        changed |= members.replaceEmails(member.id(), profile.emails());
      }
      if (current.customAttributes().isEmpty()) {
        members.addAttributes(member.id(), profile.customAttributes());
        changed |= !profile.customAttributes().isEmpty();
      } else {
        changed |= members.replaceAttributes(member.id(), profile.customAttributes());
      }
      if (profile.orgadmin().map(grant -> setOrgadmin(member, grant, current, now)).orElse(false)) {
        changed = true;
      }
      if (changed) {
        // emails and the orgadmin grant are part of the representation: they move its version too
        member.touch(now);
      }
      members.flush();
    } catch (OptimisticLockException e) {
      throw new PreconditionFailedException("User " + member.id() + " was changed concurrently");
    } catch (PersistenceException e) {
      throw StoreFailures.translate(
          e,
          Member.USER_NAME_KEY_CONSTRAINT,
          () ->
              new ConflictException(
                  "A user with userName " + profile.userName() + " already exists"));
    }
  }

  /** Grants or revokes orgadmin; whether that changed anything. */
  private boolean setOrgadmin(Member member, boolean grant, ProvisionedUser current, Instant now) {
    if (grant) {
      return grants.addMemberRole(new MemberRole(member.id(), orgadminRole().id(), now));
    }
    return current.orgadmin() && grants.removeMemberRole(member.id(), orgadminRole().id());
  }

  private void requireUserNameFree(String userName, String memberId) {
    members
        .findByUserName(userName)
        .filter(other -> !other.id().equals(memberId))
        .ifPresent(
            other -> {
              throw new ConflictException("A user with userName " + userName + " already exists");
            });
  }

  private static void validate(Profile profile) {
    if (profile.userName().isBlank()) {
      throw new InvalidRequestException("userName must not be empty");
    }
    profile.requireFits();
  }

  private ProvisionedUser view(Member member) {
    return view(member, true, true);
  }

  /** The member as SCIM shows it; {@code holdsRoles} false: known to hold none, nothing to read. */
  private ProvisionedUser view(Member member, boolean holdsRoles, boolean customValues) {
    DirectRoles held =
        holdsRoles
            ? grants
                .directRolesOf(List.of(member.id()), BuiltInRole.ORGADMIN.roleName())
                .getOrDefault(member.id(), DirectRoles.NONE)
            : DirectRoles.NONE;
    return new ProvisionedUser(
        member,
        member.emails(),
        held.orgadmin(),
        held.groups(),
        customValues ? storedAttributes(member) : List.of());
  }

  /**
   * What SCIM shows of the member after {@link #write}: the emails as given, orgadmin as asked (or
   * as it was), the groups as they were ({@code current}, read in this transaction), and the custom
   * values as stored (types as the database keeps them; no query when there are none).
   */
  private ProvisionedUser written(Member member, Profile profile, ProvisionedUser current) {
    return new ProvisionedUser(
        member,
        profile.emails(),
        profile.orgadmin().orElse(current.orgadmin()),
        current.groups(),
        profile.customAttributes().isEmpty() ? List.of() : storedAttributes(member));
  }

  /** The member's custom values as stored (types as the database keeps them). */
  private List<CustomAttribute> storedAttributes(Member member) {
    return members.attributesOf(List.of(member.id())).getOrDefault(member.id(), List.of());
  }

  private Role orgadminRole() {
    return roles
        .findByName(BuiltInRole.ORGADMIN.roleName())
        .orElseThrow(() -> new IllegalStateException("organization without orgadmin role"));
  }

  private Member find(String id) {
    return members.find(id).orElseThrow(() -> new NotFoundException("User " + id + " not found"));
  }
}
