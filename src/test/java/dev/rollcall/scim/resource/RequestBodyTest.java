package dev.rollcall.scim.resource;

import static dev.rollcall.scim.ScimJson.ENTERPRISE;
import static dev.rollcall.scim.ScimJson.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.domain.InvalidRequestException;
import dev.rollcall.domain.member.Email;
import dev.rollcall.domain.member.Profile;
import dev.rollcall.domain.member.UserAttribute;
import dev.rollcall.scim.ScimException;
import dev.rollcall.scim.validation.ScimValidationException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the representations read from POST and PUT bodies, after validation. */
class RequestBodyTest {

  @Test
  void aUserBodyBecomesAProfile() {
    Profile profile =
        UserRepresentation.toProfile(
            object(
                "{'USERNAME': 'bjensen', 'externalId': 'x1', 'name': {'GivenName': 'Barbara'},"
                    + " 'emails': [{'value': 'b@example.com', 'type': 'Work', 'primary': 'True'}],"
                    + " 'phoneNumbers': {'value': '+1 555', 'type': 'mobile'},"
                    + " 'password': 'secret', 'groups': [{'value': 'g1'}]}"));
    assertEquals("bjensen", profile.userName());
    assertEquals("x1", profile.value(UserAttribute.EXTERNAL_ID));
    assertEquals("Barbara", profile.value(UserAttribute.GIVEN_NAME));
    assertTrue(profile.active(), "active defaults to true");
    assertEquals(List.of(new Email("b@example.com", "work", null, true)), profile.emails());
    assertEquals(
        "{\"phoneNumbers\":[{\"value\":\"+1 555\",\"type\":\"mobile\"}]}",
        profile.otherAttributes());
    assertEquals(Optional.empty(), profile.orgadmin(), "orgadmin is optional");
  }

  @Test
  void orgadminAndActiveAcceptStringBooleans() {
    Profile profile =
        UserRepresentation.toProfile(
            object("{'userName': 'b', 'orgadmin': 'True', 'active': 'False'}"));
    assertEquals(Optional.of(true), profile.orgadmin());
    assertFalse(profile.active());
  }

  @Test
  void theManagerIsAnObjectWithAValueOrAPlainId() {
    assertEquals(
        "m1",
        UserRepresentation.toProfile(
                object("{'userName': 'b', '" + ENTERPRISE + "': {'manager': {'value': 'm1'}}}"))
            .value(UserAttribute.MANAGER));
    assertEquals(
        "m2",
        UserRepresentation.toProfile(
                object("{'userName': 'b', '" + ENTERPRISE + "': {'manager': 'm2'}}"))
            .value(UserAttribute.MANAGER));
    assertNull(
        UserRepresentation.toProfile(object("{'userName': 'b'}")).value(UserAttribute.MANAGER));
  }

  @Test
  void everyEmailNeedsAValue() {
    ScimValidationException e =
        assertThrows(
            ScimValidationException.class,
            () ->
                UserRepresentation.toProfile(
                    object("{'userName': 'b', 'emails': [{'type': 'work', 'primary': true}]}")));
    assertEquals("invalidValue", e.scimType());
    assertEquals("emails[0].value", e.attribute());
  }

  @Test
  void overlongEmailsAreRefused() {
    String address = "a".repeat(320) + "@example.com";
    var profile =
        UserRepresentation.toProfile(
            object("{'userName': 'b', 'emails': [{'value': '" + address + "'}]}"));
    InvalidRequestException e = assertThrows(InvalidRequestException.class, profile::requireFits);
    assertEquals("emails.value must be at most 320 characters", e.getMessage());
  }

  @Test
  void aGroupBodyNamesItsUsers() {
    var body =
        GroupRepresentation.toBody(
            object(
                "{'DisplayName': 'Eng', 'externalId': 'e1', 'members': [{'value': 'u1'},"
                    + " {'value': 'u2', 'type': 'user', 'display': 'Bob'}, {'value': 'u1'}]}"));
    assertEquals("Eng", body.displayName());
    assertEquals("e1", body.externalId());
    assertEquals(Set.of("u1", "u2"), body.memberIds());
    assertEquals(
        Set.of(), GroupRepresentation.toBody(object("{'displayName': 'Eng'}")).memberIds());
  }

  @Test
  void groupsCannotBeMembers() {
    ScimException e =
        assertThrows(
            ScimException.class,
            () ->
                GroupRepresentation.toBody(
                    object(
                        "{'displayName': 'Eng', 'members': [{'value': 'g2', 'type': 'Group'}]}")));
    assertEquals("invalidValue", e.scimType());
    assertTrue(e.getMessage().contains("nested groups"));
  }

  @Test
  void aGroupNeedsADisplayNameAndMembersNeedAValue() {
    assertEquals(
        "displayName",
        assertThrows(
                ScimValidationException.class,
                () -> GroupRepresentation.toBody(object("{'displayName': ''}")))
            .attribute());
    assertEquals(
        "members[0].value",
        assertThrows(
                ScimValidationException.class,
                () ->
                    GroupRepresentation.toBody(
                        object("{'displayName': 'Eng', 'members': [{'type': 'User'}]}")))
            .attribute());
  }
}
