package dev.rollcall.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.application.PowerService.Power;
import dev.rollcall.domain.role.Privilege;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PowerTest {
  private static final Power ORGADMIN =
      new Power(
          Set.of("orgadmin", "sysadmin", "securityadmin", "useradmin"), Set.of(Privilege.values()));
  private static final Power USERADMIN =
      new Power(Set.of("useradmin"), Set.of(Privilege.MANAGE_MEMBERS));
  private static final Power NOTHING = new Power(Set.of(), Set.of());

  @Test
  void powerIsWithinAnotherWhenBothRolesAndPrivilegesAre() {
    assertTrue(USERADMIN.within(ORGADMIN));
    assertTrue(NOTHING.within(USERADMIN));
    assertTrue(USERADMIN.within(USERADMIN));
    assertFalse(ORGADMIN.within(USERADMIN));
    // the same privileges without the built-in role are not the role
    assertFalse(USERADMIN.within(new Power(Set.of(), Set.of(Privilege.MANAGE_MEMBERS))));
    // a privilege held through a custom role counts
    Power querier = new Power(Set.of(), Set.of(Privilege.CREATE_QUERY));
    assertFalse(querier.within(USERADMIN));
  }

  @Test
  void theFirstMissingThingIsTheMostPowerfulBuiltInRoleThenAPrivilege() {
    assertEquals(Optional.of("role orgadmin"), ORGADMIN.firstMissingFrom(USERADMIN));
    assertEquals(
        Optional.of("role securityadmin"),
        new Power(Set.of("securityadmin", "useradmin"), Set.of()).firstMissingFrom(USERADMIN));
    assertEquals(
        Optional.of("privilege CREATE_QUERY"),
        new Power(Set.of("useradmin"), Set.of(Privilege.MANAGE_MEMBERS, Privilege.CREATE_QUERY))
            .firstMissingFrom(USERADMIN));
    assertEquals(Optional.empty(), USERADMIN.firstMissingFrom(ORGADMIN));
  }
}
