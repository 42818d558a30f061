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

  void removeAllOfMember(String memberId);

  /** Active members other than {@code exceptMemberId} who hold the role directly. */
  long countActiveHolders(String roleId, String exceptMemberId);

  // role -> role
  boolean addRoleGrant(RoleGrant grant);

  boolean removeRoleGrant(String granteeRoleId, String roleId);

  /** Roles granted directly to any of {@code granteeRoleIds}. */
  Set<String> rolesGrantedTo(Collection<String> granteeRoleIds);

  /** Roles that were granted {@code roleId} directly. */
  Set<String> granteesOf(String roleId);

  // role -> privilege
  Optional<RolePrivilege> findPrivilege(String roleId, Privilege privilege);

  void addPrivilege(RolePrivilege grant);

  boolean removePrivilege(String roleId, Privilege privilege);

  List<RolePrivilege> privilegesOf(Collection<String> roleIds);

  /** Removes every edge that touches the role, in either direction. */
  void removeAllOfRole(String roleId);
}
