package dev.rollcall.scim.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttributePathTest {

  private static final String ENTERPRISE =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  @Test
  void parsesPlainAndSubAttributePaths() {
    assertEquals(AttributePath.of("userName"), AttributePath.parse("userName"));
    assertEquals(AttributePath.of("name", "familyName"), AttributePath.parse("name.familyName"));
    assertEquals(AttributePath.of("members", "$ref"), AttributePath.parse("members.$ref"));
    assertEquals(AttributePath.of("userName"), AttributePath.parse(" userName "));
  }

  @Test
  void splitsTheSchemaUrnAtTheLastColon() {
    assertEquals(
        new AttributePath(ENTERPRISE, "department", null),
        AttributePath.parse(ENTERPRISE + ":department"));
    assertEquals(
        new AttributePath(ENTERPRISE, "manager", "value"),
        AttributePath.parse(ENTERPRISE + ":manager.value"));
    assertEquals(
        new AttributePath("urn:ietf:params:scim:schemas:core:2.0:User", "userName", null),
        AttributePath.parse("urn:ietf:params:scim:schemas:core:2.0:User:userName"));
    assertEquals(
        new AttributePath("Urn:example:ext:1.0:Device", "serial-no", null),
        AttributePath.parse("Urn:example:ext:1.0:Device:serial-no"));
  }

  @Test
  void aBareSchemaUrnReadsAsItsLastSegment() {
    // Callers that accept a whole extension (e.g. in attributes=) recognise it by schemaUrn + ":" +
    // attribute.
    AttributePath path = AttributePath.parse(ENTERPRISE);
    assertEquals(
        new AttributePath("urn:ietf:params:scim:schemas:extension:enterprise:2.0", "User", null),
        path);
    assertEquals(ENTERPRISE, path.render());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "name.familyName.x | 16 | at most one sub-attribute",
        "emails[type eq \"work\"] | 7 | expected the end of the path, found '['",
        "userName eq | 10 | expected the end of the path, found 'eq'",
        "9lives | 1 | expected an attribute path, found '9lives'",
        "a+b | 2 | unexpected character '+'",
      })
  void rejectsMalformedPaths(String text, int position, String expected) {
    InvalidPathException e =
        assertThrows(InvalidPathException.class, () -> AttributePath.parse(text));
    assertEquals(position, e.position(), e.getMessage());
    assertTrue(e.detail().contains(expected), e.getMessage());
  }
}
