package dev.rollcall.application;

import dev.rollcall.application.tenancy.TenantContext;
import dev.rollcall.domain.InvalidRequestException;
import dev.rollcall.domain.organization.OrganizationRepository;
import dev.rollcall.domain.role.BuiltInRole;
import dev.rollcall.domain.role.GrantRepository;
import dev.rollcall.domain.role.Role;
import dev.rollcall.domain.role.RoleRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Keeps every organization with at least one active member who holds {@code orgadmin}, directly or
 * through roles that inherit it. A change that may take orgadmin away (revoking it or a role that
 * inherits it, dropping or deactivating a member, removing a group member) runs through {@link
 * #change}: it locks the organization's row first, so such changes run one after the other, makes
 * the change, and then counts the active orgadmins; none left fails the caller's transaction, which
 * rolls the change back. Two admins revoking each other at once therefore cannot both succeed.
 */
@ApplicationScoped
public class OrgadminGuard {
  private final OrganizationRepository organizations;
  private final RoleRepository roles;
  private final GrantRepository grants;
  private final AuthorizationService authorization;
  private final TenantContext tenant;

  @Inject
  public OrgadminGuard(
      OrganizationRepository organizations,
      RoleRepository roles,
      GrantRepository grants,
      AuthorizationService authorization,
      TenantContext tenant) {
    this.organizations = organizations;
    this.roles = roles;
    this.grants = grants;
    this.authorization = authorization;
    this.tenant = tenant;
  }

  protected OrgadminGuard() {
    this(null, null, null, null, null);
  }

  /**
   * Runs {@code change} inside the caller's transaction, refusing it with {@code refusal} when it
   * leaves the organization without an active orgadmin.
   */
  public <T> T change(String refusal, Supplier<T> change) {
    organizations.lock(tenant.require());
    T result = change.get();
    roles.flush();
    if (grants.countActiveHolders(orgadminRoles()) == 0) {
      throw new InvalidRequestException(
          refusal + ": the organization must keep at least one active orgadmin");
    }
    return result;
  }

  public void run(String refusal, Runnable change) {
    change(
        refusal,
        () -> {
          change.run();
          return null;
        });
  }

  /** Whether holding the role means holding orgadmin (it is orgadmin or inherits it). */
  public boolean carriesOrgadmin(String roleId) {
    return authorization.inherits(roleId, orgadmin().id());
  }

  /** orgadmin and every role that inherits it, transitively. */
  private Set<String> orgadminRoles() {
    Set<String> seen = new HashSet<>(Set.of(orgadmin().id()));
    Set<String> frontier = Set.copyOf(seen);
    while (!frontier.isEmpty()) {
      Set<String> next = new HashSet<>();
      for (String id : grants.granteesOf(frontier)) {
        if (seen.add(id)) {
          next.add(id);
        }
      }
      frontier = next;
    }
    return seen;
  }

  private Role orgadmin() {
    return roles
        .findByName(BuiltInRole.ORGADMIN.roleName())
        .filter(Role::builtin)
        .orElseThrow(() -> new IllegalStateException("organization without orgadmin role"));
  }
}
