package dev.rollcall.scim.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FilterParserErrorTest {

  static Stream<Arguments> malformedFilters() {
    String core = "urn:ietf:params:scim:schemas:core:2.0:User";
    return Stream.of(
        // empty
        arguments("", 1, "the filter is empty"),
        arguments("   ", 1, "the filter is empty"),
        // operators and values
        arguments("userName equals \"x\"", 10, "expected a comparison operator"),
        arguments(
            "userName",
            9,
            "expected a comparison operator (eq, ne, co, sw, ew, gt, ge, lt, le, pr), found end of input"),
        arguments(
            "userName eq",
            12,
            "expected a value (a string in double quotes, a number, true, false or null), found end of input"),
        arguments("userName eq john", 13, "found 'john'"),
        arguments("userName eq 'john'", 13, "found ''john''"),
        arguments("userName eq (\"x\")", 13, "expected a value"),
        arguments("userName pr pr", 13, "expected 'and', 'or' or end of input, found 'pr'"),
        arguments("title pr \"x\"", 10, "expected 'and', 'or' or end of input, found \"x\""),
        arguments("meta.lastModified gt true", 22, "'gt' cannot be used with a boolean value"),
        arguments("age le null", 8, "'le' cannot be used with null"),
        arguments("userName co 5", 13, "'co' needs a string value, found 5"),
        arguments("userName sw true", 13, "'sw' needs a string value, found true"),
        arguments("userName ew null", 13, "'ew' needs a string value, found null"),
        // strings
        arguments("userName eq \"john", 13, "unterminated string"),
        arguments("userName eq \"john\\\"", 13, "unterminated string"),
        arguments("userName eq \"a\\qb\"", 15, "invalid escape '\\q'"),
        arguments("userName eq \"\\u12G4\"", 14, "four hexadecimal digits"),
        arguments("userName eq \"\\u12\"", 14, "four hexadecimal digits"),
        // numbers
        arguments("userName eq 01", 13, "invalid number '01'"),
        arguments("userName eq 1.", 13, "invalid number '1.'"),
        arguments("userName eq -", 13, "invalid number '-'"),
        arguments("userName eq 1e", 13, "invalid number '1e'"),
        arguments("userName eq 1abc", 13, "invalid number '1abc'"),
        arguments("userName eq 1e99999999999", 13, "out of range"),
        arguments("userName eq .5", 13, "expected a value"),
        arguments("userName eq +1", 13, "expected a value"),
        // spacing
        arguments("userName eq\"x\"", 12, "expected a space before \"x\""),
        arguments("userName eq \"x\"and title pr", 16, "expected a space before 'and'"),
        // logical operators
        arguments("not userName eq \"x\"", 5, "expected '(' after 'not'"),
        arguments("userName eq \"x\" and not", 24, "expected '(' after 'not'"),
        arguments(
            "userName eq \"x\" and",
            20,
            "expected an attribute path, 'not' or '(', found end of input"),
        arguments("userName eq \"x\" or or title pr", 20, "found 'or'"),
        arguments("and eq \"x\"", 1, "expected an attribute path, 'not' or '(', found 'and'"),
        arguments(
            "userName eq \"x\" title pr",
            17,
            "expected 'and', 'or' or end of input, found 'title'"),
        arguments("userName eq \"x\" & title pr", 17, "found '&'"),
        // parentheses
        arguments(
            "(userName eq \"x\"",
            17,
            "expected ')' to close the '(' at position 1, found end of input"),
        arguments("a pr and (b pr or (c pr)", 25, "expected ')' to close the '(' at position 10"),
        arguments("userName eq \"x\")", 16, "found ')' without a matching '('"),
        arguments("(a pr]", 6, "expected 'and', 'or' or ')', found ']'"),
        arguments("()", 2, "found ')'"),
        arguments("not ()", 6, "found ')'"),
        // value paths
        arguments(
            "emails[type eq \"work\"",
            22,
            "expected ']' to close the '[' at position 7, found end of input"),
        arguments("emails[type eq \"work\"]]", 23, "found ']' without a matching '['"),
        arguments("a pr ]", 6, "found ']' without a matching '['"),
        arguments("emails[a pr)", 12, "expected 'and', 'or' or ']', found ')'"),
        arguments("emails[]", 8, "expected an attribute path, 'not' or '(', found ']'"),
        arguments("[type eq \"work\"]", 1, "expected an attribute path, 'not' or '(', found '['"),
        arguments("emails[type[value eq \"x\"] eq \"y\"]", 12, "value filters cannot be nested"),
        arguments("name.familyName[value eq \"x\"]", 16, "applies to a multi-valued attribute"),
        arguments("emails[" + core + ":type eq \"work\"]", 8, "without a schema URN"),
        arguments("emails[type.x eq \"work\"]", 12, "have no sub-attributes"),
        arguments("emails[type eq \"work\"].value", 29, "expected a comparison operator"),
        arguments("emails[type eq \"work\"] .value eq \"x\"", 24, "found '.value'"),
        arguments("emails[type eq \"work\"].value.type eq \"x\"", 29, "at most one sub-attribute"),
        arguments("emails[type eq \"work\"].", 24, "expected a sub-attribute name after '.'"),
        // attribute paths
        arguments("1abc eq \"a\"", 1, "expected an attribute path, 'not' or '(', found '1abc'"),
        arguments("\"userName\" eq \"a\"", 1, "expected an attribute path"),
        arguments("_name eq \"a\"", 1, "expected an attribute name"),
        arguments("na*me eq \"a\"", 3, "unexpected character '*' in attribute path 'na*me'"),
        arguments("name.given.x eq \"a\"", 11, "at most one sub-attribute"),
        arguments("name. eq \"a\"", 6, "expected a sub-attribute name after '.'"),
        arguments("foo:bar eq \"x\"", 4, "unexpected ':'"),
        arguments(core + ": eq \"a\"", 44, "expected an attribute name after the schema URN"),
        arguments("urn:foo eq 1", 1, "expected a schema URN of the form urn:<namespace>:<name>"),
        arguments("urn:a#b:c:d eq 1", 6, "unexpected character '#' in schema URN"),
        // limits
        arguments(
            "(".repeat(FilterParser.MAX_DEPTH + 1)
                + "a pr"
                + ")".repeat(FilterParser.MAX_DEPTH + 1),
            FilterParser.MAX_DEPTH + 1,
            "nests more than 64 levels"),
        arguments(
            "(".repeat(FilterParser.MAX_DEPTH) + "e[a pr]" + ")".repeat(FilterParser.MAX_DEPTH),
            FilterParser.MAX_DEPTH + 2,
            "nests more than 64 levels"),
        arguments(
            "userName eq \"" + "x".repeat(FilterParser.MAX_LENGTH) + "\"",
            FilterParser.MAX_LENGTH + 1,
            "the filter is longer than 8192 characters"));
  }

  @ParameterizedTest
  @MethodSource("malformedFilters")
  void rejectsMalformedFilters(String filter, int position, String expected) {
    InvalidFilterException e =
        assertThrows(InvalidFilterException.class, () -> FilterParser.parse(filter));
    assertEquals(position, e.position(), e.getMessage());
    assertTrue(
        e.getMessage().startsWith("Invalid filter at position " + position + ": "), e.getMessage());
    assertTrue(e.detail().contains(expected), e.getMessage());
  }

  @Test
  void namesWhatWasExpectedAndWhatWasFound() {
    InvalidFilterException e =
        assertThrows(
            InvalidFilterException.class, () -> FilterParser.parse("userName equals \"x\""));
    assertEquals(
        "Invalid filter at position 10: expected a comparison operator"
            + " (eq, ne, co, sw, ew, gt, ge, lt, le, pr), found 'equals'",
        e.getMessage());
  }

  @Test
  void shortensLongTokensInMessages() {
    String word = "a".repeat(100);
    InvalidFilterException e =
        assertThrows(InvalidFilterException.class, () -> FilterParser.parse("x eq " + word));
    assertTrue(e.getMessage().endsWith("found '" + "a".repeat(37) + "...'"), e.getMessage());
  }

  @Test
  void shortensLongPathsInMessages() {
    String path = "name." + "x".repeat(5000) + ".y";
    InvalidFilterException e =
        assertThrows(InvalidFilterException.class, () -> FilterParser.parse(path + " pr"));
    assertTrue(e.getMessage().length() < 200, e.getMessage());
  }

  @Test
  void survivesPathologicalNesting() {
    String deep = "(".repeat(4000) + "a pr" + ")".repeat(4000);
    InvalidFilterException e =
        assertThrows(InvalidFilterException.class, () -> FilterParser.parse(deep));
    assertTrue(e.detail().contains("nests more than"), e.getMessage());
  }

  @Test
  void rejectsNull() {
    assertThrows(NullPointerException.class, () -> FilterParser.parse(null));
  }
}
