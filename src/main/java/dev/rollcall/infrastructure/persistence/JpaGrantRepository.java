package dev.rollcall.infrastructure.persistence;

import dev.rollcall.domain.role.GrantRepository;
import dev.rollcall.domain.role.MemberRole;
import dev.rollcall.domain.role.Privilege;
import dev.rollcall.domain.role.RoleGrant;
import dev.rollcall.domain.role.RolePrivilege;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@ApplicationScoped
public class JpaGrantRepository implements GrantRepository {
  private final EntityManager em;

  @Inject
  public JpaGrantRepository(EntityManager em) {
    this.em = em;
  }

  protected JpaGrantRepository() {
    this.em = null;
  }

  @Override
  public boolean addMemberRole(MemberRole grant) {
    if (em.find(MemberRole.class, new MemberRole.Key(grant.memberId(), grant.roleId())) != null) {
      return false;
    }
    em.persist(grant);
    return true;
  }

  @Override
  public boolean removeMemberRole(String memberId, String roleId) {
    return em.createNamedQuery(MemberRole.DELETE)
            .setParameter("member", memberId)
            .setParameter("role", roleId)
            .executeUpdate()
        > 0;
  }

  @Override
  public Set<String> roleIdsOfMember(String memberId) {
    return new HashSet<>(
        em.createNamedQuery(MemberRole.ROLE_IDS_OF_MEMBER, String.class)
            .setParameter("member", memberId)
            .getResultList());
  }

  @Override
  public Map<String, List<String>> roleNamesByMember() {
    Map<String, List<String>> byMember = new LinkedHashMap<>();
    for (Object[] row :
        em.createNamedQuery(MemberRole.ROLE_NAMES_BY_MEMBER, Object[].class).getResultList()) {
      byMember.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((String) row[1]);
    }
    return byMember;
  }

  @Override
  public Map<String, List<String>> roleNamesOf(Collection<String> memberIds) {
    Map<String, List<String>> byMember = new LinkedHashMap<>();
    if (memberIds.isEmpty()) {
      return byMember;
    }
    for (Object[] row :
        em.createNamedQuery(MemberRole.ROLE_NAMES_OF_MEMBERS, Object[].class)
            .setParameter("members", List.copyOf(memberIds))
            .getResultList()) {
      byMember.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((String) row[1]);
    }
    return byMember;
  }

  @Override
  public void removeAllOfMember(String memberId) {
    em.createNamedQuery(MemberRole.DELETE_OF_MEMBER)
        .setParameter("member", memberId)
        .executeUpdate();
  }

  @Override
  public long countActiveHolders(Collection<String> roleIds) {
    if (roleIds.isEmpty()) {
      return 0;
    }
    return em.createNamedQuery(MemberRole.COUNT_ACTIVE_HOLDERS, Long.class)
        .setParameter("roles", List.copyOf(roleIds))
        .getSingleResult();
  }

  @Override
  public Map<String, List<MemberRef>> membersOfRoles(Collection<String> roleIds) {
    Map<String, List<MemberRef>> byRole = new LinkedHashMap<>();
    for (List<String> batch : batches(roleIds)) {
      for (Object[] row :
          em.createNamedQuery(MemberRole.MEMBERS_OF_ROLES, Object[].class)
              .setParameter("roles", batch)
              .getResultList()) {
        byRole
            .computeIfAbsent((String) row[0], k -> new ArrayList<>())
            .add(new MemberRef((String) row[1], (String) row[2], (String) row[3]));
      }
    }
    return byRole;
  }

  @Override
  public Map<String, DirectRoles> directRolesOf(Collection<String> memberIds, String orgadminName) {
    Map<String, List<GroupRef>> groups = new LinkedHashMap<>();
    Set<String> orgadmins = new HashSet<>();
    for (List<String> batch : batches(memberIds)) {
      for (Object[] row :
          em.createNamedQuery(MemberRole.SCIM_ROLES_OF_MEMBERS, Object[].class)
              .setParameter("members", batch)
              .setParameter("orgadmin", orgadminName)
              .getResultList()) {
        String member = (String) row[0];
        if (Boolean.TRUE.equals(row[3])) {
          orgadmins.add(member);
        } else {
          groups
              .computeIfAbsent(member, k -> new ArrayList<>())
              .add(new GroupRef((String) row[1], (String) row[2]));
        }
      }
    }
    Map<String, DirectRoles> byMember = new LinkedHashMap<>();
    for (String member : memberIds) {
      List<GroupRef> of = groups.get(member);
      boolean orgadmin = orgadmins.contains(member);
      if (of != null || orgadmin) {
        byMember.put(member, new DirectRoles(of == null ? List.of() : List.copyOf(of), orgadmin));
      }
    }
    return byMember;
  }

  @Override
  public int addMembers(String roleId, Collection<String> memberIds, Instant now) {
    int added = 0;
    for (List<String> batch : batches(new LinkedHashSet<>(memberIds))) {
      Set<String> holders =
          new HashSet<>(
              em.createNamedQuery(MemberRole.HOLDERS_AMONG, String.class)
                  .setParameter("role", roleId)
                  .setParameter("members", batch)
                  .getResultList());
      for (String memberId : batch) {
        if (!holders.contains(memberId)) {
          em.persist(new MemberRole(memberId, roleId, now));
          added++;
        }
      }
    }
    return added;
  }

  @Override
  public int removeMembers(String roleId, Collection<String> memberIds) {
    int removed = 0;
    for (List<String> batch : batches(new LinkedHashSet<>(memberIds))) {
      removed +=
          em.createNamedQuery(MemberRole.DELETE_MEMBERS)
              .setParameter("role", roleId)
              .setParameter("members", batch)
              .executeUpdate();
    }
    return removed;
  }

  @Override
  public Set<String> holdersAmong(String roleId, Collection<String> memberIds) {
    Set<String> holders = new HashSet<>();
    for (List<String> batch : batches(new LinkedHashSet<>(memberIds))) {
      holders.addAll(
          em.createNamedQuery(MemberRole.HOLDERS_AMONG, String.class)
              .setParameter("role", roleId)
              .setParameter("members", batch)
              .getResultList());
    }
    return holders;
  }

  @Override
  public void removeAllMembers(String roleId) {
    em.createNamedQuery(MemberRole.DELETE_OF_ROLE).setParameter("role", roleId).executeUpdate();
  }

  private static List<List<String>> batches(Collection<String> ids) {
    List<String> all = List.copyOf(ids);
    List<List<String>> batches = new ArrayList<>();
    for (int from = 0; from < all.size(); from += Batches.SIZE) {
      batches.add(all.subList(from, Math.min(all.size(), from + Batches.SIZE)));
    }
    return batches;
  }

  @Override
  public boolean addRoleGrant(RoleGrant grant) {
    if (em.find(RoleGrant.class, new RoleGrant.Key(grant.granteeRoleId(), grant.roleId()))
        != null) {
      return false;
    }
    em.persist(grant);
    return true;
  }

  @Override
  public boolean removeRoleGrant(String granteeRoleId, String roleId) {
    return em.createNamedQuery(RoleGrant.DELETE)
            .setParameter("grantee", granteeRoleId)
            .setParameter("role", roleId)
            .executeUpdate()
        > 0;
  }

  @Override
  public Set<String> rolesGrantedTo(Collection<String> granteeRoleIds) {
    if (granteeRoleIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        em.createNamedQuery(RoleGrant.GRANTED_TO, String.class)
            .setParameter("grantees", granteeRoleIds)
            .getResultList());
  }

  @Override
  public Set<String> granteesOf(Collection<String> roleIds) {
    if (roleIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        em.createNamedQuery(RoleGrant.GRANTEES_OF, String.class)
            .setParameter("roles", roleIds)
            .getResultList());
  }

  @Override
  public Optional<RolePrivilege> findPrivilege(String roleId, Privilege privilege) {
    return Optional.ofNullable(
        em.find(RolePrivilege.class, new RolePrivilege.Key(roleId, privilege)));
  }

  @Override
  public void addPrivilege(RolePrivilege grant) {
    em.persist(grant);
  }

  @Override
  public boolean removePrivilege(String roleId, Privilege privilege) {
    return em.createNamedQuery(RolePrivilege.DELETE)
            .setParameter("role", roleId)
            .setParameter("privilege", privilege)
            .executeUpdate()
        > 0;
  }

  @Override
  public List<RolePrivilege> privilegesOf(Collection<String> roleIds) {
    if (roleIds.isEmpty()) {
      return List.of();
    }
    return em.createNamedQuery(RolePrivilege.OF_ROLES, RolePrivilege.class)
        .setParameter("roles", roleIds)
        .getResultList();
  }

  @Override
  public void removeAllOfRole(String roleId) {
    em.createNamedQuery(MemberRole.DELETE_OF_ROLE).setParameter("role", roleId).executeUpdate();
    em.createNamedQuery(RoleGrant.DELETE_OF_ROLE).setParameter("role", roleId).executeUpdate();
    em.createNamedQuery(RolePrivilege.DELETE_OF_ROLE).setParameter("role", roleId).executeUpdate();
  }
}
