package dev.rollcall.application;

import dev.rollcall.application.SecurityIntegrationService.ScimPrincipal;
import dev.rollcall.application.tenancy.TenantScoped;
import dev.rollcall.domain.ConflictException;
import dev.rollcall.domain.ExpectedVersion;
import dev.rollcall.domain.InvalidRequestException;
import dev.rollcall.domain.Lengths;
import dev.rollcall.domain.NotFoundException;
import dev.rollcall.domain.PreconditionFailedException;
import dev.rollcall.domain.TransientFailureException;
import dev.rollcall.domain.member.MemberRepository;
import dev.rollcall.domain.role.BuiltInRole;
import dev.rollcall.domain.role.GrantRepository;
import dev.rollcall.domain.role.GrantRepository.MemberRef;
import dev.rollcall.domain.role.Role;
import dev.rollcall.domain.role.RoleRepository;
import dev.rollcall.query.Filter;
import dev.rollcall.query.SearchPage;
import dev.rollcall.query.Sort;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Groups pushed by an identity provider, as custom roles: same name, owned by the integration's
 * run-as role, no privileges; members are the users holding the role. Membership changes touch only
 * the rows they change; a group's members are loaded only when asked for.
 */
@Stateless
@TenantScoped
public class GroupProvisioning {
  private final RoleRepository roles;
  private final GrantRepository grants;
  private final MemberRepository members;
  private final AccessControlService accessControl;
  private final IntegrationOwner owner;
  private final GroupSearch search;
  private final Clock clock;
  private final OrgadminGuard orgadminGuard;

  /** A group; {@code members} is empty when they were not asked for. */
  public record ProvisionedGroup(Role role, Optional<List<MemberRef>> members) {}

  /**
   * What one PATCH or PUT does to a group: attribute changes (empty: unchanged) and membership
   * changes, applied in the order removeAll/replace, remove, add.
   */
  public record GroupChange(
      Optional<String> displayName,
      Optional<Optional<String>> externalId,
      boolean removeAllMembers,
      Set<String> removeMembers,
      Set<String> addMembers) {
    public static GroupChange replaceAll(
        String displayName, String externalId, Collection<String> members) {
      return new GroupChange(
          Optional.of(displayName),
          Optional.of(Optional.ofNullable(externalId)),
          true,
          Set.of(),
          new LinkedHashSet<>(members));
    }
  }

  @Inject
  public GroupProvisioning(
      RoleRepository roles,
      GrantRepository grants,
      MemberRepository members,
      AccessControlService accessControl,
      IntegrationOwner owner,
      GroupSearch search,
      Clock clock,
      OrgadminGuard orgadminGuard) {
    this.roles = roles;
    this.grants = grants;
    this.members = members;
    this.accessControl = accessControl;
    this.owner = owner;
    this.search = search;
    this.clock = clock;
    this.orgadminGuard = orgadminGuard;
  }

  public GroupProvisioning() {
    this(null, null, null, null, null, null, null, null);
  }

  public ProvisionedGroup create(
      ScimPrincipal caller, String displayName, String externalId, Collection<String> memberIds) {
    validateName(displayName);
    Lengths.require("externalId", externalId, Role.EXTERNAL_ID_LENGTH);
    if (roles.findByName(displayName).isPresent()) {
      throw new ConflictException("A group or role named " + displayName + " already exists");
    }
    requireMembers(memberIds);
    Instant now = clock.instant();
    Role role = Role.custom(UUID.randomUUID().toString(), displayName, caller.runAsRoleId(), now);
    role.manageBy(caller.integrationId(), now);
    role.changeExternalId(externalId, now);
    roles.add(role);
    flush(displayName);
    grants.addMembers(role.id(), memberIds, now);
    return new ProvisionedGroup(role, Optional.of(membersOf(role)));
  }

  public ProvisionedGroup get(String id, boolean withMembers) {
    Role role = find(id);
    return new ProvisionedGroup(
        role, withMembers ? Optional.of(membersOf(role)) : Optional.empty());
  }

  /** Applies a PATCH or PUT; returns the group, with members only when asked for. */
  public ProvisionedGroup change(
      ScimPrincipal caller,
      String id,
      GroupChange change,
      ExpectedVersion expected,
      boolean returnMembers) {
    return change(caller, findWithGrants(id), change, expected, returnMembers);
  }

  private ProvisionedGroup change(
      ScimPrincipal caller,
      RoleRepository.WithGrants found,
      GroupChange change,
      ExpectedVersion expected,
      boolean returnMembers) {
    Role role = found.role();
    String id = role.id();
    expected.check("Group " + id, role.version());
    Instant now = clock.instant();
    change
        .displayName()
        .filter(name -> !name.equals(role.name()))
        .ifPresent(
            name -> {
              validateName(name);
              roles
                  .findByName(name)
                  .ifPresent(
                      other -> {
                        throw new ConflictException(
                            "A group or role named " + name + " already exists");
                      });
              role.rename(name, now);
            });
    change
        .externalId()
        .ifPresent(
            externalId -> {
              Lengths.require("externalId", externalId.orElse(null), Role.EXTERNAL_ID_LENGTH);
              role.changeExternalId(externalId.orElse(null), now);
            });
    role.manageBy(caller.integrationId(), now);
    flush(role.name());

    boolean membership =
        change.removeAllMembers()
            || !change.removeMembers().isEmpty()
            || !change.addMembers().isEmpty();
    int changedRows = 0;
    if (membership) {
      requireMembers(change.addMembers());
      if (found.granted() && !change.addMembers().isEmpty()) {
        // whoever joins gets what the group's role is granted: the owner must hold it too (pushed
        // groups are granted nothing, and the role's read said so)
        owner.requireMayAddTo(caller, role);
      }
      boolean removes = change.removeAllMembers() || !change.removeMembers().isEmpty();
      try {
        // an orgadmin may have granted orgadmin to the group's role: removals must leave one (a
        // role granted nothing, as pushed groups are, carries nothing: the role's read said so)
        changedRows =
            removes && found.granted() && orgadminGuard.carriesOrgadmin(role.id())
                ? orgadminGuard.change(
                    "Removing members from group " + role.name() + " was refused",
                    () -> changeMembers(role, change, now))
                : changeMembers(role, change, now);
        if (changedRows > 0) {
          // the attribute changes (if any) were flushed under the version just checked; the
          // membership change must land on the version they left, or on any when no If-Match
          // was given (this flushes the rows above)
          roles.touch(
              role,
              now,
              expected.version().isPresent()
                  ? ExpectedVersion.of(role.version())
                  : ExpectedVersion.any());
        }
      } catch (OptimisticLockException e) {
        throw e;
      } catch (PersistenceException e) {
        throw membershipRace(e);
      }
    }
    return new ProvisionedGroup(
        role, returnMembers ? Optional.of(membersOf(role)) : Optional.empty());
  }

  /** Applies the membership part of a change; the number of rows it changed. */
  private int changeMembers(Role role, GroupChange change, Instant now) {
    int changedRows = 0;
    if (change.removeAllMembers()) {
      Set<String> current = new HashSet<>();
      membersOf(role).forEach(m -> current.add(m.id()));
      current.removeAll(change.addMembers());
      changedRows += grants.removeMembers(role.id(), current);
    }
    changedRows += grants.removeMembers(role.id(), change.removeMembers());
    changedRows += grants.addMembers(role.id(), change.addMembers(), now);
    return changedRows;
  }

  /**
   * PATCH or PUT, in one transaction: {@code change} decides the change from the group without
   * members.
   */
  public ProvisionedGroup patch(
      ScimPrincipal caller,
      String id,
      java.util.function.Function<ProvisionedGroup, GroupChange> change,
      ExpectedVersion expected,
      boolean returnMembers) {
    RoleRepository.WithGrants found = findWithGrants(id);
    expected.check("Group " + id, found.role().version());
    return change(
        caller,
        found,
        change.apply(new ProvisionedGroup(found.role(), Optional.empty())),
        expected,
        returnMembers);
  }

  /** Deletes the group; returns its role as it was. */
  public Role delete(String id, ExpectedVersion expected) {
    Role role = find(id);
    expected.check("Group " + id, role.version());
    accessControl.dropRole(role);
    return role;
  }

  public SearchPage<ProvisionedGroup> search(
      Filter filter, Sort sort, int startIndex, int count, boolean withMembers) {
    SearchPage<Role> page = search.groups(filter, sort, startIndex, count);
    Map<String, List<MemberRef>> byRole =
        withMembers
            ? grants.membersOfRoles(page.items().stream().map(Role::id).toList())
            : Map.of();
    return new SearchPage<>(
        page.total(),
        page.items().stream()
            .map(
                r ->
                    new ProvisionedGroup(
                        r,
                        withMembers
                            ? Optional.of(byRole.getOrDefault(r.id(), List.of()))
                            : Optional.empty()))
            .toList());
  }

  private List<MemberRef> membersOf(Role role) {
    return grants.membersOfRoles(List.of(role.id())).getOrDefault(role.id(), List.of());
  }

  private void requireMembers(Collection<String> memberIds) {
    if (memberIds.isEmpty()) {
      return;
    }
    Set<String> existing = members.existingIds(memberIds);
    for (String id : memberIds) {
      if (!existing.contains(id)) {
        throw new InvalidRequestException(
            "Member "
                + id
                + " is not a user of this organization; provision the user before adding them to a group");
      }
    }
  }

  private static void validateName(String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidRequestException("displayName is required");
    }
    Lengths.requireKeyed("displayName", name, Role.NAME_LENGTH);
    if (BuiltInRole.isReserved(name)) {
      throw new InvalidRequestException(
          "A group cannot be named "
              + name
              + ": that is a built-in role, which groups never grant");
    }
  }

  private void flush(String name) {
    try {
      roles.flush();
    } catch (OptimisticLockException e) {
      throw new PreconditionFailedException("Group " + name + " was changed concurrently");
    } catch (PersistenceException e) {
      throw StoreFailures.translate(
          e,
          Role.NAME_CONSTRAINT,
          () -> new ConflictException("A group or role named " + name + " already exists"));
    }
  }

  /** The group with whether its role is granted any role or privilege, in one read. */
  private RoleRepository.WithGrants findWithGrants(String id) {
    return roles
        .findWithGrants(id)
        .filter(found -> isGroup(found.role()))
        .orElseThrow(() -> new NotFoundException("Group " + id + " not found"));
  }

  private static boolean isGroup(Role role) {
    return !role.builtin() && role.managedBy().isPresent();
  }

  /**
   * A membership write that failed because another request added the same member at the same moment
   * (the only key these rows can collide on), or on a deadlock or timeout: the request is sent
   * again in a fresh transaction, which sees the other's rows (see GroupsResource).
   */
  private static RuntimeException membershipRace(PersistenceException failure) {
    DatabaseFailures.Failure kind = DatabaseFailures.classify(failure);
    if (kind.kind() == DatabaseFailures.Kind.DUPLICATE_KEY || kind.isTransient()) {
      return new TransientFailureException("Group members were changed concurrently", failure);
    }
    return failure;
  }

  private Role find(String id) {
    return roles
        .find(id)
        .filter(GroupProvisioning::isGroup)
        .orElseThrow(() -> new NotFoundException("Group " + id + " not found"));
  }
}
