package dev.rollcall.scim.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.query.AttributePath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttributePathTest {

  private static final String ENTERPRISE =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  @Test
  void parsesPlainAndSubAttributePaths() {
    assertEquals(AttributePath.of("userName"), FilterParser.parsePath("userName"));
    assertEquals(AttributePath.of("name", "familyName"), FilterParser.parsePath("name.familyName"));
    assertEquals(AttributePath.of("members", "$ref"), FilterParser.parsePath("members.$ref"));
    assertEquals(AttributePath.of("userName"), FilterParser.parsePath(" userName "));
  }

  @Test
  void splitsTheSchemaUrnAtTheLastColon() {
    assertEquals(
        new AttributePath(ENTERPRISE, "department", null),
        FilterParser.parsePath(ENTERPRISE + ":department"));
    assertEquals(
        new AttributePath(ENTERPRISE, "manager", "value"),
        FilterParser.parsePath(ENTERPRISE + ":manager.value"));
    assertEquals(
        new AttributePath("urn:ietf:params:scim:schemas:core:2.0:User", "userName", null),
        FilterParser.parsePath("urn:ietf:params:scim:schemas:core:2.0:User:userName"));
    assertEquals(
        new AttributePath("Urn:example:ext:1.0:Device", "serial-no", null),
        FilterParser.parsePath("Urn:example:ext:1.0:Device:serial-no"));
  }

  @Test
  void aBareSchemaUrnReadsAsItsLastSegment() {
    // Callers that accept a whole extension (e.g. in attributes=) recognise it by schemaUrn + ":" +
    // attribute.
    AttributePath path = FilterParser.parsePath(ENTERPRISE);
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
        assertThrows(InvalidPathException.class, () -> FilterParser.parsePath(text));
    assertEquals(position, e.position(), e.getMessage());
    assertTrue(e.detail().contains(expected), e.getMessage());
  }
}
