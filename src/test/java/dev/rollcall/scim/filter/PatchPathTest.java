package dev.rollcall.scim.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.rollcall.query.AttributePath;
import dev.rollcall.query.CompareOp;
import dev.rollcall.query.Filter;
import dev.rollcall.query.Literal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PatchPathTest {

  private static final String ENTERPRISE =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  private static Filter eq(String attribute, String value) {
    return new Filter.Comparison(AttributePath.of(attribute), CompareOp.EQ, Literal.of(value));
  }

  @Test
  void parsesAnAttribute() {
    assertEquals(
        new PatchPath(AttributePath.of("members"), null, null), PatchPath.parse("members"));
  }

  @Test
  void parsesASubAttribute() {
    PatchPath path = PatchPath.parse("name.familyName");
    assertEquals(new PatchPath(AttributePath.of("name", "familyName"), null, null), path);
    assertFalse(path.hasValueFilter());
  }

  @Test
  void parsesAValueFilter() {
    PatchPath path = PatchPath.parse("emails[type eq \"work\"]");
    assertEquals(new PatchPath(AttributePath.of("emails"), eq("type", "work"), null), path);
    assertTrue(path.hasValueFilter());
    assertEquals(
        new PatchPath(
            AttributePath.of("members"), eq("value", "2819c223-7f76-453a-919d-413861904646"), null),
        PatchPath.parse("members[value eq \"2819c223-7f76-453a-919d-413861904646\"]"));
  }

  @Test
  void parsesAValueFilterWithSubAttribute() {
    assertEquals(
        new PatchPath(AttributePath.of("emails"), eq("type", "work"), "value"),
        PatchPath.parse("emails[type eq \"work\"].value"));
    assertEquals(
        new PatchPath(AttributePath.of("addresses"), eq("type", "work"), "streetAddress"),
        PatchPath.parse("addresses[type eq \"work\"].streetAddress"));
    assertEquals(
        new PatchPath(
            AttributePath.of("emails"),
            new Filter.And(eq("type", "work"), new Filter.Present(AttributePath.of("primary"))),
            "display"),
        PatchPath.parse("emails[type eq \"work\" and primary pr].display"));
  }

  @Test
  void parsesSchemaQualifiedPaths() {
    assertEquals(
        new PatchPath(new AttributePath(ENTERPRISE, "manager", "value"), null, null),
        PatchPath.parse(ENTERPRISE + ":manager.value"));
    assertEquals(
        new PatchPath(new AttributePath(ENTERPRISE, "department", null), null, null),
        PatchPath.parse(ENTERPRISE + ":department"));
    assertEquals(
        new PatchPath(
            new AttributePath("urn:ietf:params:scim:schemas:core:2.0:User", "emails", null),
            eq("type", "work"),
            "value"),
        PatchPath.parse(
            "urn:ietf:params:scim:schemas:core:2.0:User:emails[type eq \"work\"].value"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "members",
        "name.familyName",
        "emails[type eq \"work\"]",
        "emails[type eq \"work\"].value",
        "members[value eq \"2819c223-7f76-453a-919d-413861904646\"]",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
        "addresses[type eq \"work\"].streetAddress",
        "emails[(type eq \"work\" or type eq \"home\") and not (primary eq false)].value",
      })
  void rendersWhatItParsed(String text) {
    PatchPath path = PatchPath.parse(text);
    assertEquals(text, path.render());
    assertEquals(text, path.toString());
    assertEquals(path, PatchPath.parse(path.render()));
  }

  static Stream<Arguments> malformedPaths() {
    return Stream.of(
        arguments("", 1, "the path is empty"),
        arguments("  ", 1, "the path is empty"),
        arguments("\"members\"", 1, "expected an attribute path, found \"members\""),
        arguments("[type eq \"work\"]", 1, "expected an attribute path, found '['"),
        arguments("members value", 9, "expected '[' or the end of the path, found 'value'"),
        arguments("name.familyName.x", 16, "at most one sub-attribute"),
        arguments("name.", 6, "expected a sub-attribute name after '.'"),
        arguments("na me", 4, "expected '[' or the end of the path, found 'me'"),
        arguments("1members", 1, "expected an attribute path, found '1members'"),
        arguments("mem*bers", 4, "unexpected character '*'"),
        arguments("emails[type eq \"work\"", 22, "expected ']' to close the '[' at position 7"),
        arguments(
            "emails[type eq \"work\"]]",
            23,
            "expected '.' and a sub-attribute name or the end of the path, found ']'"),
        arguments("emails[type eq \"work\"]value", 23, "found 'value'"),
        arguments("emails[type eq \"work\"] .value", 24, "found '.value'"),
        arguments("emails[type eq \"work\"].", 24, "expected a sub-attribute name after '.'"),
        arguments("emails[type eq \"work\"].value.x", 29, "at most one sub-attribute"),
        arguments("emails[type eq \"work\"].value eq \"x\"", 30, "found 'eq'"),
        arguments("name.familyName[value eq \"x\"]", 16, "applies to a multi-valued attribute"),
        arguments("urn:foo", 1, "expected a schema URN"),
        arguments(ENTERPRISE + ":", 60, "expected an attribute name after the schema URN"),
        arguments(
            "x".repeat(FilterParser.MAX_LENGTH + 1),
            FilterParser.MAX_LENGTH + 1,
            "the path is longer than 8192 characters"));
  }

  @ParameterizedTest
  @MethodSource("malformedPaths")
  void rejectsMalformedPaths(String text, int position, String expected) {
    InvalidPathException e = assertThrows(InvalidPathException.class, () -> PatchPath.parse(text));
    assertEquals(position, e.position(), e.getMessage());
    assertTrue(
        e.getMessage().startsWith("Invalid path at position " + position + ": "), e.getMessage());
    assertTrue(e.detail().contains(expected), e.getMessage());
  }

  static Stream<Arguments> malformedValueFilters() {
    return Stream.of(
        arguments("emails[type eqq \"work\"]", 13, "expected a comparison operator"),
        arguments("emails[type eq \"work]", 16, "unterminated string"),
        arguments("emails[type eq \"work\" and]", 26, "expected an attribute path, 'not' or '('"),
        arguments("emails[]", 8, "expected an attribute path, 'not' or '('"),
        arguments("emails[type[value pr]]", 12, "value filters cannot be nested"),
        arguments("emails[value.display pr]", 13, "have no sub-attributes"));
  }

  /** RFC 7644 Table 9 answers a malformed filter in a PATCH path with invalidFilter. */
  @ParameterizedTest
  @MethodSource("malformedValueFilters")
  void reportsMalformedValueFiltersAsFilterErrors(String text, int position, String expected) {
    InvalidFilterException e =
        assertThrows(InvalidFilterException.class, () -> PatchPath.parse(text));
    assertEquals(position, e.position(), e.getMessage());
    assertTrue(e.detail().contains(expected), e.getMessage());
  }

  @Test
  void rejectsInconsistentRecords() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new PatchPath(AttributePath.of("emails"), null, "value"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new PatchPath(AttributePath.of("name", "givenName"), eq("type", "work"), null));
    assertThrows(NullPointerException.class, () -> new PatchPath(null, null, null));
  }
}
