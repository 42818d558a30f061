package dev.rollcall.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.application.AccessControlService;
import dev.rollcall.application.ApiTokenService;
import dev.rollcall.application.MemberService;
import dev.rollcall.application.OrganizationService;
import dev.rollcall.application.OrganizationService.CreatedOrganization;
import dev.rollcall.domain.AuthenticationException;
import dev.rollcall.domain.NotFoundException;
import dev.rollcall.domain.TenantOwned;
import dev.rollcall.domain.role.Role;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.persistence.exceptions.QueryException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One organization's data is invisible to, and cannot be changed from, another. */
@ExtendWith(ArquillianExtension.class)
class TenancyIT {
  @Deployment
  static WebArchive deployment() {
    return Deployments.withTestSupport(TenancyIT.class, UntenantedReader.class);
  }

  @Inject OrganizationService organizations;
  @Inject AccessControlService accessControl;
  @Inject MemberService members;
  @Inject ApiTokenService tokens;
  @Inject InContainer container;

  @Test
  void organizationsSeeOnlyTheirOwnRolesMembersAndTokens() {
    CreatedOrganization a = organizations.create("Tenancy A", "admin@a.example");
    CreatedOrganization b = organizations.create("Tenancy B", "admin@b.example");
    String adminA = container.in(a.id(), () -> members.find("admin@a.example").id());
    String adminB = container.in(b.id(), () -> members.find("admin@b.example").id());

    container.run(a.id(), () -> accessControl.createRole(adminA, "analysts", false));
    container.run(a.id(), () -> members.invite(adminA, "someone@a.example"));

    List<String> rolesOfB =
        container.in(b.id(), () -> accessControl.listRoles().stream().map(Role::name).toList());
    assertFalse(rolesOfB.contains("analysts"), "B sees A's role: " + rolesOfB);
    assertEquals(List.of("orgadmin", "public", "securityadmin", "sysadmin", "useradmin"), rolesOfB);
    assertEquals(
        List.of("admin@b.example"),
        container.in(
            b.id(), () -> members.list().stream().map(m -> m.member().userName()).toList()));

    assertThrows(
        NotFoundException.class,
        () -> container.run(b.id(), () -> accessControl.dropRole(adminB, "analysts", false)));
    assertThrows(
        NotFoundException.class,
        () -> container.run(b.id(), () -> members.drop(adminB, "someone@a.example")));
    assertThrows(
        AuthenticationException.class,
        () -> container.run(b.id(), () -> tokens.authenticate(a.adminToken())));

    assertTrue(
        container.in(
            a.id(),
            () -> accessControl.listRoles().stream().anyMatch(r -> r.name().equals("analysts"))),
        "A's role survived B's attempt to drop it");
    assertEquals(adminA, container.in(a.id(), () -> tokens.authenticate(a.adminToken()).id()));
  }

  @Inject UntenantedReader untenanted;

  @Test
  void aQueryWithoutAnOrganizationFailsInsteadOfSeeingEveryone() {
    organizations.create("Tenancy C", "admin@c.example");
    // EclipseLink refuses to run a tenant-owned query without a tenant (EclipseLink-6174, "No
    // value was provided for the session property [eclipselink.tenant-id]"); the EJB wraps it
    EJBException failure = assertThrows(EJBException.class, () -> untenanted.allRoles());
    QueryException missingTenant = cause(failure, QueryException.class);
    assertEquals(6174, missingTenant.getErrorCode(), missingTenant.getMessage());
    assertTrue(
        missingTenant.getMessage().contains(TenantOwned.TENANT_PROPERTY),
        missingTenant.getMessage());
  }

  private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " in the causes", failure);
  }
}
