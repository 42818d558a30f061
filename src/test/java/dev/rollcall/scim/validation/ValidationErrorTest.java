package dev.rollcall.scim.validation;

import static dev.rollcall.scim.ScimJson.ENTERPRISE;
import static dev.rollcall.scim.ScimJson.GROUP;
import static dev.rollcall.scim.ScimJson.USER;
import static dev.rollcall.scim.ScimJson.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.scim.schema.AttributeDefinition;
import dev.rollcall.scim.schema.AttributeType;
import dev.rollcall.scim.schema.ResourceKind;
import dev.rollcall.scim.schema.SchemaDefinition;
import dev.rollcall.scim.schema.SchemaRegistry;
import dev.rollcall.scim.schema.ScimType;
import jakarta.ejb.ApplicationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every way a POST body fails, with its scimType, the attribute and a message naming it. */
class ValidationErrorTest {

  static final String ACME = "urn:example:params:scim:schemas:extension:acme:2.0:User";

  /**
   * An organization's extension with one attribute of each remaining type, one of them required.
   */
  static final SchemaRegistry WITH_ACME =
      SchemaRegistry.withExtensions(
          List.of(
              new SchemaDefinition(
                  ACME,
                  "AcmeUser",
                  "Acme's additions",
                  List.of(
                      AttributeDefinition.builder("badge", AttributeType.STRING).required().build(),
                      AttributeDefinition.builder("level", AttributeType.INTEGER).build(),
                      AttributeDefinition.builder("score", AttributeType.DECIMAL).build(),
                      AttributeDefinition.builder("hired", AttributeType.DATE_TIME).build(),
                      AttributeDefinition.builder("key", AttributeType.BINARY).build()))));

  private static ScimValidationException userError(String singleQuoted) {
    return error(SchemaRegistry.builtIn(), ResourceKind.USER, singleQuoted);
  }

  private static ScimValidationException groupError(String singleQuoted) {
    return error(SchemaRegistry.builtIn(), ResourceKind.GROUP, singleQuoted);
  }

  private static ScimValidationException error(
      SchemaRegistry registry, ResourceKind kind, String singleQuoted) {
    return assertThrows(
        ScimValidationException.class,
        () -> ResourceValidator.validateForCreate(object(singleQuoted), registry, kind));
  }

  private static void assertError(
      ScimValidationException e, ScimType type, String attribute, String messageStart) {
    assertEquals(type, e.type(), e.getMessage());
    assertEquals(attribute, e.attribute(), e.getMessage());
    assertTrue(
        e.getMessage().startsWith(messageStart),
        "expected a message starting with <" + messageStart + "> but was <" + e.getMessage() + ">");
  }

  @Test
  void isAnApplicationExceptionThatRollsBack() {
    ApplicationException annotation =
        ScimValidationException.class.getAnnotation(ApplicationException.class);
    assertTrue(annotation != null && annotation.rollback());
    assertEquals("invalidValue", ScimType.INVALID_VALUE.value());
    assertEquals("invalidSyntax", ScimType.INVALID_SYNTAX.value());
    assertEquals("mutability", ScimType.MUTABILITY.value());
  }

  @Test
  void wrongTypesAreInvalidValueNamingThePathWithIndexes() {
    assertError(
        userError(
            "{'userName': 'b', 'emails': [{'value': 'a@example.com'},"
                + " {'value': 'b@example.com', 'primary': 3}]}"),
        ScimType.INVALID_VALUE,
        "emails[1].primary",
        "emails[1].primary must be a boolean (true or false), found 3");
    assertError(
        userError("{'userName': 'b', 'active': 'yes'}"),
        ScimType.INVALID_VALUE,
        "active",
        "active must be a boolean");
    assertError(
        userError("{'userName': 'b', 'displayName': 42}"),
        ScimType.INVALID_VALUE,
        "displayName",
        "displayName must be a string, found 42");
    assertError(
        userError("{'userName': ['b']}"),
        ScimType.INVALID_VALUE,
        "userName",
        "userName must be a string");
    assertError(
        userError("{'userName': 'b', 'name': 'Barbara Jensen'}"),
        ScimType.INVALID_VALUE,
        "name",
        "name must be an object of sub-attributes");
    assertError(
        userError("{'userName': 'b', 'name': {'givenName': {'x': 1}}}"),
        ScimType.INVALID_VALUE,
        "name.givenName",
        "name.givenName must be a string");
    assertError(
        userError("{'userName': 'b', 'emails': [null]}"),
        ScimType.INVALID_VALUE,
        "emails[0]",
        "emails[0] must be a value");
    assertError(
        userError("{'userName': 'b', 'emails': [[{'value': 'x'}]]}"),
        ScimType.INVALID_VALUE,
        "emails[0]",
        "emails[0] must be a single value, not an array");
    assertError(
        userError("{'userName': 'b', 'x509Certificates': [{'value': 'not base64!'}]}"),
        ScimType.INVALID_VALUE,
        "x509Certificates[0].value",
        "x509Certificates[0].value must be base64-encoded binary data");
    assertError(
        userError("{'userName': 'b', '" + ENTERPRISE + "': {'manager': {'value': 7}}}"),
        ScimType.INVALID_VALUE,
        ENTERPRISE + ":manager.value",
        ENTERPRISE + ":manager.value must be a string");
    assertError(
        userError("{'userName': 'b', '" + ENTERPRISE + "': 'Sales'}"),
        ScimType.INVALID_VALUE,
        ENTERPRISE,
        ENTERPRISE + " must be an object of the schema's attributes");
    assertError(
        userError("{'userName': 'b', 'emails.value': 'b@example.com'}"),
        ScimType.INVALID_VALUE,
        "emails.value",
        "emails.value names a sub-attribute of the multi-valued emails");
  }

  @Test
  void integersDecimalsDateTimesAndBinariesFollowThePatchEnginesRules() {
    String valid =
        "{'userName': 'b', '"
            + ACME
            + "': {'badge': 'B-1', 'level': '3', 'score': '2.5',"
            + " 'hired': '2024-05-01T12:00:00Z', 'key': 'AAEC'}}";
    var cleaned =
        ResourceValidator.validateForCreate(object(valid), WITH_ACME, ResourceKind.USER)
            .getJsonObject(ACME);
    assertEquals(3, cleaned.getInt("level"));
    assertEquals("2.5", cleaned.getJsonNumber("score").bigDecimalValue().toPlainString());
    assertError(
        error(WITH_ACME, ResourceKind.USER, "{'userName': 'b', '" + ACME + ":level': 2.5}"),
        ScimType.INVALID_VALUE,
        ACME + ":level",
        ACME + ":level must be an integer, found 2.5");
    assertError(
        error(WITH_ACME, ResourceKind.USER, "{'userName': 'b', '" + ACME + ":score': 'much'}"),
        ScimType.INVALID_VALUE,
        ACME + ":score",
        ACME + ":score must be a number");
    assertError(
        error(WITH_ACME, ResourceKind.USER, "{'userName': 'b', '" + ACME + ":hired': 'yesterday'}"),
        ScimType.INVALID_VALUE,
        ACME + ":hired",
        ACME + ":hired must be a dateTime");
  }

  @Test
  void missingOrBlankRequiredAttributesAreInvalidValue() {
    assertError(
        userError("{'schemas': ['" + USER + "'], 'name': {'givenName': 'B'}}"),
        ScimType.INVALID_VALUE,
        "userName",
        "userName is required");
    assertError(
        userError("{'userName': '  '}"),
        ScimType.INVALID_VALUE,
        "userName",
        "userName is required and must not be empty");
    assertError(
        userError("{'userName': null}"),
        ScimType.INVALID_VALUE,
        "userName",
        "userName is required");
    assertError(
        groupError("{'schemas': ['" + GROUP + "'], 'members': []}"),
        ScimType.INVALID_VALUE,
        "displayName",
        "displayName is required");
    assertError(
        userError("{'userName': 'b', 'emails': [{'value': 'a@example.com'}, {'type': 'work'}]}"),
        ScimType.INVALID_VALUE,
        "emails[1].value",
        "emails[1].value is required");
    assertError(
        groupError("{'displayName': 'Eng', 'members': [{'display': 'Ann'}]}"),
        ScimType.INVALID_VALUE,
        "members[0].value",
        "members[0].value is required");
  }

  @Test
  void requiredExtensionAttributesCountOnlyWhenTheExtensionIsThere() {
    ResourceValidator.validateForCreate(object("{'userName': 'b'}"), WITH_ACME, ResourceKind.USER);
    assertError(
        error(WITH_ACME, ResourceKind.USER, "{'userName': 'b', '" + ACME + ":level': 1}"),
        ScimType.INVALID_VALUE,
        ACME + ":badge",
        ACME + ":badge is required");
  }

  @Test
  void morethanOnePrimaryValueIsInvalidValue() {
    assertError(
        userError(
            "{'userName': 'b', 'emails': [{'value': 'a@example.com', 'primary': true},"
                + " {'value': 'b@example.com'}, {'value': 'c@example.com', 'primary': 'True'}]}"),
        ScimType.INVALID_VALUE,
        "emails[2].primary",
        "at most one value of emails may be primary, but emails[0] and emails[2] both are");
  }

  @Test
  void schemasWithoutTheCoreSchemaIsInvalidSyntax() {
    assertError(
        userError("{'schemas': ['" + ENTERPRISE + "'], 'userName': 'b'}"),
        ScimType.INVALID_SYNTAX,
        "schemas",
        "schemas must list " + USER);
    assertError(
        groupError("{'schemas': ['" + USER + "'], 'displayName': 'Eng'}"),
        ScimType.INVALID_SYNTAX,
        "schemas",
        "schemas must list " + GROUP);
    assertError(
        userError("{'schemas': '" + USER + "', 'userName': 'b'}"),
        ScimType.INVALID_SYNTAX,
        "schemas",
        "schemas must be an array of schema URNs");
    assertError(
        userError("{'schemas': [1], 'userName': 'b'}"),
        ScimType.INVALID_SYNTAX,
        "schemas",
        "schemas must be an array of schema URNs");
  }

  @Test
  void oneAttributeGivenTwiceWithDifferentValuesIsInvalidSyntax() {
    assertError(
        userError("{'userName': 'a', 'USERNAME': 'b'}"),
        ScimType.INVALID_SYNTAX,
        "userName",
        "userName is given more than once, with different values");
    assertError(
        userError(
            "{'userName': 'b', '"
                + ENTERPRISE
                + "': {'department': 'Sales'}, '"
                + ENTERPRISE
                + ":department': 'Tour'}"),
        ScimType.INVALID_SYNTAX,
        ENTERPRISE + ":department",
        ENTERPRISE + ":department is given more than once");
    assertError(
        userError("{'userName': 'b', 'name': {'givenName': 'B'}, 'name.givenName': 'Babs'}"),
        ScimType.INVALID_SYNTAX,
        "name.givenName",
        "name.givenName is given more than once");
    assertError(
        userError("{'userName': 'b', 'name': {'givenName': 'B', 'GIVENNAME': 'Babs'}}"),
        ScimType.INVALID_SYNTAX,
        "name.givenName",
        "name.givenName is given more than once");
  }
}
