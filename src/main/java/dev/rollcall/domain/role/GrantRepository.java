package dev.rollcall.domain.role;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The grant edges: roles held by members, roles granted to roles, privileges granted to roles. */
public interface GrantRepository {
  // member -> role
  boolean addMemberRole(MemberRole grant);

  boolean removeMemberRole(String memberId, String roleId);

  Set<String> roleIdsOfMember(String memberId);

  /** Directly granted role names of every member, keyed by member id (one query for LIST USERS). */
  Map<String, List<String>> roleNamesByMember();

  /** Directly granted role names of these members (one page of a search), keyed by member id. */
  Map<String, List<String>> roleNamesOf(Collection<String> memberIds);

  void removeAllOfMember(String memberId);

  /** Active members who hold at least one of the roles directly. */
  long countActiveHolders(Collection<String> roleIds);

  /** A member as a group lists it. */
  record MemberRef(String id, String userName, String displayName) {}

  /** A custom role as a user's {@code groups} lists it. */
  record GroupRef(String id, String name) {}

  /** Members of each role, by role id (one query per batch of roles, never per role). */
  Map<String, List<MemberRef>> membersOfRoles(Collection<String> roleIds);

  /** The roles a member holds directly: the groups it is in, and whether it holds orgadmin. */
  record DirectRoles(List<GroupRef> groups, boolean orgadmin) {
    public static final DirectRoles NONE = new DirectRoles(List.of(), false);
  }

  /**
   * Groups (custom roles an integration manages) and the built-in role named {@code orgadminName}
   * each member holds directly, by member id; one query per batch of members. Members holding
   * neither are absent.
   */
  Map<String, DirectRoles> directRolesOf(Collection<String> memberIds, String orgadminName);

  /**
   * Grants the role to those of the members who do not hold it yet; touches only their rows and
   * answers how many it added.
   */
  int addMembers(String roleId, Collection<String> memberIds, java.time.Instant now);

  /**
   * Revokes the role from those members; touches only their rows and answers how many it removed.
   */
  int removeMembers(String roleId, Collection<String> memberIds);

  void removeAllMembers(String roleId);

  /** Which of these members hold the role directly. */
  Set<String> holdersAmong(String roleId, Collection<String> memberIds);

  // role -> role
  boolean addRoleGrant(RoleGrant grant);

  boolean removeRoleGrant(String granteeRoleId, String roleId);

  /** Roles granted directly to any of {@code granteeRoleIds}. */
  Set<String> rolesGrantedTo(Collection<String> granteeRoleIds);

  /** Roles to which any of {@code roleIds} is granted directly: the roles that inherit them. */
  Set<String> granteesOf(Collection<String> roleIds);

  // role -> privilege
  Optional<RolePrivilege> findPrivilege(String roleId, Privilege privilege);

  void addPrivilege(RolePrivilege grant);

  boolean removePrivilege(String roleId, Privilege privilege);

  List<RolePrivilege> privilegesOf(Collection<String> roleIds);

  /** Removes every edge that touches the role, in either direction. */
  void removeAllOfRole(String roleId);
}
