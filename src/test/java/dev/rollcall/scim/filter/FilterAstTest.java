package dev.rollcall.scim.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.query.AttributePath;
import dev.rollcall.query.CompareOp;
import dev.rollcall.query.Filter;
import dev.rollcall.query.Literal;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterAstTest {

  private static final String ENTERPRISE =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  private static Filter present(String attribute) {
    return new Filter.Present(AttributePath.of(attribute));
  }

  private static Filter eq(String attribute, String value) {
    return new Filter.Comparison(AttributePath.of(attribute), CompareOp.EQ, Literal.of(value));
  }

  @Test
  void rendersComparisonsWithLowerCaseOperators() {
    for (CompareOp op : CompareOp.values()) {
      Filter filter = new Filter.Comparison(AttributePath.of("title"), op, Literal.of("x"));
      assertEquals("title " + op.keyword() + " \"x\"", filter.render());
    }
  }

  @Test
  void rendersEveryKindOfLiteral() {
    AttributePath path = AttributePath.of("a");
    assertEquals("a eq true", new Filter.Comparison(path, CompareOp.EQ, Literal.of(true)).render());
    assertEquals(
        "a ne false", new Filter.Comparison(path, CompareOp.NE, Literal.of(false)).render());
    assertEquals("a eq null", new Filter.Comparison(path, CompareOp.EQ, Literal.NULL).render());
    assertEquals(
        "a gt -1.5",
        new Filter.Comparison(path, CompareOp.GT, Literal.of(new BigDecimal("-1.5"))).render());
    assertEquals(
        "a le 1E+3",
        new Filter.Comparison(path, CompareOp.LE, Literal.of(new BigDecimal("1e3"))).render());
  }

  @Test
  void quotesStringsAsJson() {
    assertEquals(
        "\"say \\\"hi\\\" \\\\ / \\b\\f\\n\\r\\t \\u0001 é €\"",
        Literal.of("say \"hi\" \\ / \b\f\n\r\t \u0001 é €").render());
  }

  @Test
  void parenthesizesOnlyWhereTheTreeNeedsIt() {
    Filter a = present("a");
    Filter b = present("b");
    Filter c = present("c");
    assertEquals("a pr or b pr and c pr", new Filter.Or(a, new Filter.And(b, c)).render());
    assertEquals("a pr and b pr or c pr", new Filter.Or(new Filter.And(a, b), c).render());
    assertEquals("(a pr or b pr) and c pr", new Filter.And(new Filter.Or(a, b), c).render());
    assertEquals("a pr and (b pr or c pr)", new Filter.And(a, new Filter.Or(b, c)).render());
    assertEquals("a pr and b pr and c pr", new Filter.And(new Filter.And(a, b), c).render());
    assertEquals("a pr and (b pr and c pr)", new Filter.And(a, new Filter.And(b, c)).render());
    assertEquals("a pr or (b pr or c pr)", new Filter.Or(a, new Filter.Or(b, c)).render());
    assertEquals("not (a pr) and b pr", new Filter.And(new Filter.Not(a), b).render());
    assertEquals("not (a pr or b pr)", new Filter.Not(new Filter.Or(a, b)).render());
  }

  @Test
  void rendersValuePathsAndQualifiedPaths() {
    Filter emails =
        new Filter.ValuePathFilter(
            AttributePath.of("emails"),
            new Filter.And(
                eq("type", "work"),
                new Filter.Comparison(
                    AttributePath.of("value"), CompareOp.CO, Literal.of("@example.com"))));
    assertEquals("emails[type eq \"work\" and value co \"@example.com\"]", emails.render());
    assertEquals(emails.render(), emails.toString());

    Filter manager =
        new Filter.Comparison(
            new AttributePath(ENTERPRISE, "manager", "value"),
            CompareOp.EQ,
            Literal.of("26118915"));
    assertEquals(ENTERPRISE + ":manager.value eq \"26118915\"", manager.render());
  }

  @Test
  void comparisonRejectsOperatorsThatCannotTakeTheValue() {
    AttributePath path = AttributePath.of("a");
    assertThrows(
        IllegalArgumentException.class,
        () -> new Filter.Comparison(path, CompareOp.GT, Literal.of(true)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Filter.Comparison(path, CompareOp.LE, Literal.NULL));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Filter.Comparison(path, CompareOp.CO, Literal.of(BigDecimal.ONE)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Filter.Comparison(path, CompareOp.SW, Literal.NULL));
    assertThrows(NullPointerException.class, () -> new Filter.Comparison(path, CompareOp.EQ, null));
  }

  @Test
  void valuePathRejectsWhatTheGrammarCannotExpress() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Filter.ValuePathFilter(AttributePath.of("name", "givenName"), present("x")));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Filter.ValuePathFilter(
                AttributePath.of("emails"),
                new Filter.ValuePathFilter(AttributePath.of("x"), present("y"))));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Filter.ValuePathFilter(
                AttributePath.of("emails"),
                new Filter.Not(new Filter.Present(AttributePath.of("value", "x")))));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Filter.ValuePathFilter(
                AttributePath.of("emails"),
                new Filter.Present(new AttributePath(ENTERPRISE, "type", null))));
  }

  @Test
  void attributePathComparesNamesIgnoringCase() {
    AttributePath path = new AttributePath(ENTERPRISE, "Manager", "Value");
    assertTrue(path.attributeMatches("manager"));
    assertTrue(path.subAttributeMatches("VALUE"));
    assertTrue(path.schemaMatches(ENTERPRISE.toUpperCase()));
    assertTrue(path.nameMatches("manager.value"));
    assertFalse(path.nameMatches("manager"));
    assertFalse(AttributePath.of("manager").subAttributeMatches("value"));
    assertFalse(AttributePath.of("manager").schemaMatches(ENTERPRISE));
    assertEquals("Manager.Value", path.name());
    assertEquals(ENTERPRISE.toLowerCase() + ":manager.value", path.normalized());
    assertEquals(ENTERPRISE + ":Manager.Value", path.render());
  }

  @Test
  void attributePathRejectsEmptyParts() {
    assertThrows(NullPointerException.class, () -> AttributePath.of(null));
    assertThrows(IllegalArgumentException.class, () -> AttributePath.of(""));
    assertThrows(IllegalArgumentException.class, () -> new AttributePath("", "a", null));
    assertThrows(IllegalArgumentException.class, () -> AttributePath.of("a", ""));
  }

  @Test
  void compareOpLooksUpKeywordsIgnoringCase() {
    assertEquals(CompareOp.EQ, CompareOp.fromKeyword("Eq").orElseThrow());
    assertEquals(CompareOp.LE, CompareOp.fromKeyword("LE").orElseThrow());
    assertTrue(CompareOp.fromKeyword("pr").isEmpty());
    assertTrue(CompareOp.fromKeyword("equals").isEmpty());
  }

  @Test
  void flattensChainsOfTheSameOperator() {
    Filter a = present("a");
    Filter b = present("b");
    Filter c = present("c");
    Filter d = present("d");
    Filter.And and = new Filter.And(new Filter.And(a, new Filter.Or(b, c)), new Filter.And(c, d));
    assertEquals(List.of(a, new Filter.Or(b, c), c, d), and.operands());
    assertEquals(List.of(a, b), new Filter.Or(a, b).operands());
  }

  @Test
  void rendersVeryLongChainsWithoutRecursingDownThem() {
    Filter chain = present("a");
    for (int i = 0; i < 100_000; i++) {
      chain = new Filter.Or(chain, present("a"));
    }
    String text = chain.render();
    assertEquals("a pr".length() + 100_000 * " or a pr".length(), text.length());
    assertEquals(100_001, ((Filter.Or) chain).operands().size());
  }
}
