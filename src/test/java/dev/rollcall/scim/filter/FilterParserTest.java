package dev.rollcall.scim.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.query.AttributePath;
import dev.rollcall.query.CompareOp;
import dev.rollcall.query.Filter;
import dev.rollcall.query.Literal;
import java.math.BigDecimal;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class FilterParserTest {

  private static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final String ENTERPRISE =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  private static Filter compare(String attribute, CompareOp op, Literal value) {
    return new Filter.Comparison(path(attribute), op, value);
  }

  private static Filter eq(String attribute, String value) {
    return compare(attribute, CompareOp.EQ, Literal.of(value));
  }

  private static Filter eq(String attribute, long value) {
    return compare(attribute, CompareOp.EQ, Literal.of(BigDecimal.valueOf(value)));
  }

  private static Filter present(String attribute) {
    return new Filter.Present(path(attribute));
  }

  /** {@code "a"} or {@code "a.b"}, without a schema URN. */
  private static AttributePath path(String dotted) {
    int dot = dotted.indexOf('.');
    return dot < 0
        ? AttributePath.of(dotted)
        : AttributePath.of(dotted.substring(0, dot), dotted.substring(dot + 1));
  }

  private static Filter and(Filter left, Filter right) {
    return new Filter.And(left, right);
  }

  private static Filter or(Filter left, Filter right) {
    return new Filter.Or(left, right);
  }

  private static Filter not(Filter inner) {
    return new Filter.Not(inner);
  }

  private static Filter valuePath(String attribute, Filter inner) {
    return new Filter.ValuePathFilter(AttributePath.of(attribute), inner);
  }

  @ParameterizedTest
  @EnumSource(CompareOp.class)
  void parsesEveryComparisonOperator(CompareOp op) {
    assertEquals(
        compare("title", op, Literal.of("Tour Guide")),
        FilterParser.parse("title " + op.keyword() + " \"Tour Guide\""));
  }

  @ParameterizedTest
  @EnumSource(
      value = CompareOp.class,
      names = {"EQ", "NE", "GT", "GE", "LT", "LE"})
  void parsesNumericComparisons(CompareOp op) {
    assertEquals(
        compare("age", op, Literal.of(new BigDecimal("42"))),
        FilterParser.parse("age " + op.keyword() + " 42"));
  }

  @Test
  void parsesPresence() {
    assertEquals(present("title"), FilterParser.parse("title pr"));
    assertEquals(present("name.givenName"), FilterParser.parse("name.givenName PR"));
  }

  @Test
  void operatorsAndKeywordsIgnoreCase() {
    assertEquals(eq("userName", "x"), FilterParser.parse("userName EQ \"x\""));
    assertEquals(eq("userName", "x"), FilterParser.parse("userName Eq \"x\""));
    assertEquals(
        compare("userName", CompareOp.SW, Literal.of("J")),
        FilterParser.parse("userName sW \"J\""));
    assertEquals(
        or(and(present("a"), present("b")), not(present("c"))),
        FilterParser.parse("a Pr AND b pR Or NOT (c pr)"));
    assertEquals(
        compare("active", CompareOp.EQ, Literal.of(true)), FilterParser.parse("active eq TRUE"));
    assertEquals(
        compare("active", CompareOp.NE, Literal.of(false)), FilterParser.parse("active ne False"));
    assertEquals(compare("title", CompareOp.EQ, Literal.NULL), FilterParser.parse("title eq NULL"));
  }

  @Test
  void keepsAttributeNamesAsWritten() {
    Filter filter = FilterParser.parse("USERNAME eq \"x\"");
    AttributePath path = ((Filter.Comparison) filter).path();
    assertEquals("USERNAME", path.attribute());
    assertTrue(path.attributeMatches("userName"));
  }

  @Test
  void acceptsTheAttributeNameCharacters() {
    assertEquals(present("a-b_c9"), FilterParser.parse("a-b_c9 pr"));
    assertEquals(present("members.$ref"), FilterParser.parse("members.$ref pr"));
  }

  @Test
  void andBindsTighterThanOr() {
    assertEquals(
        or(eq("a", 1), and(eq("b", 2), eq("c", 3))),
        FilterParser.parse("a eq 1 or b eq 2 and c eq 3"));
    assertEquals(
        or(and(eq("a", 1), eq("b", 2)), eq("c", 3)),
        FilterParser.parse("a eq 1 and b eq 2 or c eq 3"));
  }

  @Test
  void andAndOrGroupToTheLeft() {
    assertEquals(
        and(and(present("a"), present("b")), present("c")),
        FilterParser.parse("a pr and b pr and c pr"));
    assertEquals(
        or(or(present("a"), present("b")), present("c")),
        FilterParser.parse("a pr or b pr or c pr"));
  }

  @Test
  void parenthesesGroup() {
    assertEquals(
        and(or(eq("a", 1), eq("b", 2)), eq("c", 3)),
        FilterParser.parse("(a eq 1 or b eq 2) and c eq 3"));
    assertEquals(
        and(present("a"), or(present("b"), present("c"))),
        FilterParser.parse("a pr and (b pr or c pr)"));
    assertEquals(present("a"), FilterParser.parse("((a pr))"));
  }

  @Test
  void notBindsTighterThanAnd() {
    assertEquals(and(not(present("a")), present("b")), FilterParser.parse("not (a pr) and b pr"));
    assertEquals(and(present("b"), not(present("a"))), FilterParser.parse("b pr and not(a pr)"));
    assertEquals(not(not(present("a"))), FilterParser.parse("not (not (a pr))"));
  }

  @Test
  void parsesTheRfcExamples() {
    assertEquals(eq("userName", "bjensen"), FilterParser.parse("userName eq \"bjensen\""));
    assertEquals(
        compare("name.familyName", CompareOp.CO, Literal.of("O'Malley")),
        FilterParser.parse("name.familyName co \"O'Malley\""));
    assertEquals(
        new Filter.Comparison(
            new AttributePath(CORE_USER, "userName", null), CompareOp.SW, Literal.of("J")),
        FilterParser.parse(CORE_USER + ":userName sw \"J\""));
    assertEquals(
        compare("meta.lastModified", CompareOp.GT, Literal.of("2011-05-13T04:42:34Z")),
        FilterParser.parse("meta.lastModified gt \"2011-05-13T04:42:34Z\""));
    assertEquals(
        and(present("title"), eq("userType", "Employee")),
        FilterParser.parse("title pr and userType eq \"Employee\""));
    assertEquals(
        eq("schemas", ENTERPRISE), FilterParser.parse("schemas eq \"" + ENTERPRISE + "\""));
    assertEquals(
        and(
            eq("userType", "Employee"),
            or(
                compare("emails", CompareOp.CO, Literal.of("example.com")),
                compare("emails.value", CompareOp.CO, Literal.of("example.org")))),
        FilterParser.parse(
            "userType eq \"Employee\" and (emails co \"example.com\" or emails.value co"
                + " \"example.org\")"));
    assertEquals(
        and(
            compare("userType", CompareOp.NE, Literal.of("Employee")),
            not(
                or(
                    compare("emails", CompareOp.CO, Literal.of("example.com")),
                    compare("emails.value", CompareOp.CO, Literal.of("example.org"))))),
        FilterParser.parse(
            "userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co"
                + " \"example.org\")"));
    assertEquals(
        and(eq("userType", "Employee"), eq("emails.type", "work")),
        FilterParser.parse("userType eq \"Employee\" and (emails.type eq \"work\")"));
  }

  @Test
  void parsesValuePaths() {
    assertEquals(
        valuePath("emails", eq("type", "work")), FilterParser.parse("emails[type eq \"work\"]"));
    assertEquals(
        and(
            eq("userType", "Employee"),
            valuePath(
                "emails",
                and(
                    eq("type", "work"),
                    compare("value", CompareOp.CO, Literal.of("@example.com"))))),
        FilterParser.parse(
            "userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]"));
    assertEquals(
        or(
            valuePath(
                "emails",
                and(
                    eq("type", "work"),
                    compare("value", CompareOp.CO, Literal.of("@example.com")))),
            valuePath(
                "ims",
                and(eq("type", "xmpp"), compare("value", CompareOp.CO, Literal.of("@foo.com"))))),
        FilterParser.parse(
            "emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and"
                + " value co \"@foo.com\"]"));
  }

  @Test
  void valueFiltersMayUseOrNotAndParentheses() {
    assertEquals(
        valuePath(
            "emails",
            or(
                eq("type", "work"),
                and(
                    eq("type", "home"),
                    compare("value", CompareOp.EW, Literal.of("@example.com"))))),
        FilterParser.parse(
            "emails[type eq \"work\" or (type eq \"home\" and value ew \"@example.com\")]"));
    assertEquals(
        valuePath("emails", and(not(eq("type", "work")), present("primary"))),
        FilterParser.parse("emails[not (type eq \"work\") and primary pr]"));
  }

  @Test
  void readsAValuePathFollowedBySubAttributeAsOneValueFilter() {
    // Entra ID sends this form, which RFC 7644's filter grammar lacks.
    assertEquals(
        valuePath("emails", and(eq("type", "work"), eq("value", "bjensen@example.com"))),
        FilterParser.parse("emails[type eq \"work\"].value eq \"bjensen@example.com\""));
    assertEquals(
        valuePath("emails", and(or(eq("type", "work"), eq("type", "home")), present("value"))),
        FilterParser.parse("emails[type eq \"work\" or type eq \"home\"].value pr"));
    assertEquals(
        or(eq("userName", "x"), valuePath("emails", and(eq("type", "work"), eq("value", "x")))),
        FilterParser.parse("userName eq \"x\" or emails[type eq \"work\"].value eq \"x\""));
  }

  @Test
  void parsesWhatOktaAndEntraSend() {
    assertEquals(
        eq("userName", "john@example.com"), FilterParser.parse("userName eq \"john@example.com\""));
    assertEquals(eq("externalId", "abc"), FilterParser.parse("externalId eq \"abc\""));
    assertEquals(
        eq("displayName", "Engineering"), FilterParser.parse("displayName eq \"Engineering\""));
    assertEquals(
        and(eq("id", "1"), valuePath("members", eq("value", "2"))),
        FilterParser.parse("id eq \"1\" and members[value eq \"2\"]"));
  }

  @Test
  void parsesSchemaQualifiedPaths() {
    assertEquals(
        new Filter.Comparison(
            new AttributePath(ENTERPRISE, "department", null), CompareOp.EQ, Literal.of("Sales")),
        FilterParser.parse(ENTERPRISE + ":department eq \"Sales\""));
    assertEquals(
        new Filter.Present(new AttributePath(ENTERPRISE, "manager", "value")),
        FilterParser.parse(ENTERPRISE + ":manager.value pr"));
    assertEquals(
        new Filter.ValuePathFilter(
            new AttributePath(CORE_USER, "emails", null), eq("type", "work")),
        FilterParser.parse(CORE_USER + ":emails[type eq \"work\"]"));
    Filter upperCaseUrn =
        FilterParser.parse("URN:IETF:params:scim:schemas:core:2.0:User:userName pr");
    assertEquals(
        new Filter.Present(
            new AttributePath("URN:IETF:params:scim:schemas:core:2.0:User", "userName", null)),
        upperCaseUrn);
  }

  @Test
  void decodesStringEscapes() {
    assertEquals(
        eq("displayName", "a\"b\\c/d\b\f\n\r\té€\uD83D\uDE00"),
        FilterParser.parse(
            "displayName eq \"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\u20AC\\uD83D\\uDE00\""));
    assertEquals(eq("displayName", ""), FilterParser.parse("displayName eq \"\""));
    assertEquals(
        eq("displayName", "a (b) [c] and d"),
        FilterParser.parse("displayName eq \"a (b) [c] and d\""));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0", "42", "-1", "-0", "3.14", "-0.5", "1e10", "1E10", "2.5E-3", "-1e+2", "6.02e23"
      })
  void parsesJsonNumbers(String number) {
    Filter filter = FilterParser.parse("x eq " + number);
    assertEquals(compare("x", CompareOp.EQ, Literal.of(new BigDecimal(number))), filter);
  }

  @Test
  void parsesNumbersBeforeAClosingParenthesisOrBracket() {
    assertEquals(
        valuePath("x", compare("y", CompareOp.GT, Literal.of(new BigDecimal("-2.5")))),
        FilterParser.parse("x[y gt -2.5]"));
    assertEquals(eq("a", 1), FilterParser.parse("(a eq 1)"));
  }

  @Test
  void toleratesExtraWhitespace() {
    assertEquals(eq("userName", "x"), FilterParser.parse("  userName   eq \t \"x\"  "));
    assertEquals(
        and(present("a"), valuePath("emails", eq("type", "work"))),
        FilterParser.parse(" ( a pr )  and\nemails [ type eq \"work\" ] "));
    assertEquals(not(present("a")), FilterParser.parse("not(a pr)"));
  }

  @Test
  void acceptsNestingUpToTheLimit() {
    int depth = FilterParser.MAX_DEPTH;
    String filter = "(".repeat(depth) + "a pr" + ")".repeat(depth);
    assertEquals(present("a"), FilterParser.parse(filter));

    String nots = "not (".repeat(depth) + "a pr" + ")".repeat(depth);
    Filter parsed = FilterParser.parse(nots);
    for (int i = 0; i < depth; i++) {
      parsed = assertInstanceOf(Filter.Not.class, parsed).inner();
    }
    assertEquals(present("a"), parsed);
  }

  @Test
  void acceptsAFilterOfTheMaximumLength() {
    String prefix = "userName eq \"";
    String filter = prefix + "x".repeat(FilterParser.MAX_LENGTH - prefix.length() - 1) + "\"";
    assertEquals(FilterParser.MAX_LENGTH, filter.length());
    assertInstanceOf(Filter.Comparison.class, FilterParser.parse(filter));
  }

  @Test
  void parsesLongFlatChainsWithoutDeepRecursion() {
    String filter = String.join(" and ", Collections.nCopies(800, "a pr"));
    Filter parsed = FilterParser.parse(filter);
    assertEquals(filter, parsed.render());
    assertEquals(800, ((Filter.And) parsed).operands().size());

    String inBrackets = "emails[" + String.join(" or ", Collections.nCopies(700, "type pr")) + "]";
    assertEquals(inBrackets, FilterParser.parse(inBrackets).render());
  }
}
