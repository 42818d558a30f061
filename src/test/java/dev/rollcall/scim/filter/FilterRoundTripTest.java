package dev.rollcall.scim.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rollcall.query.AttributePath;
import dev.rollcall.query.CompareOp;
import dev.rollcall.query.Filter;
import dev.rollcall.query.Literal;
import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterRoundTripTest {

  private static final String ENTERPRISE =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "userName EQ \"bjensen\"                  | userName eq \"bjensen\"",
        "title  PR                                 | title pr",
        "a eq 1 or b eq 2 and c eq 3               | a eq 1 or b eq 2 and c eq 3",
        "(a eq 1 or b eq 2) and c eq 3             | (a eq 1 or b eq 2) and c eq 3",
        "((a pr))                                  | a pr",
        "a pr and (b pr and c pr)                  | a pr and (b pr and c pr)",
        "(a pr and b pr) and c pr                  | a pr and b pr and c pr",
        "a pr or (b pr and c pr)                   | a pr or b pr and c pr",
        "NOT(a pr) AND b pr                        | not (a pr) and b pr",
        "not (a pr or b pr)                        | not (a pr or b pr)",
        "active eq TRUE                            | active eq true",
        "manager eq Null                           | manager eq null",
        "x ge -1.50                                | x ge -1.50",
        "x lt 2e10                                 | x lt 2E+10",
        "x gt 2.5E-3                               | x gt 0.0025",
        "emails[type eq \"work\" and value co \"@example.com\"] | emails[type eq \"work\" and value co \"@example.com\"]",
        "emails [ type eq \"work\" ].value eq \"x\"  | emails[type eq \"work\" and value eq \"x\"]",
        "emails[not (type eq \"work\") or primary eq true] | emails[not (type eq \"work\") or primary eq true]",
      })
  void rendersCanonicalText(String filter, String canonical) {
    Filter parsed = FilterParser.parse(filter);
    assertEquals(canonical, parsed.render());
    assertEquals(parsed, FilterParser.parse(parsed.render()));
  }

  @Test
  void rendersEscapes() {
    Filter parsed = FilterParser.parse("name eq \"\\u0041\\/\\\"\\\\\\n\\u0007\"");
    assertEquals("name eq \"A/\\\"\\\\\\n\\u0007\"", parsed.render());
    assertEquals(parsed, FilterParser.parse(parsed.render()));
  }

  @Test
  void rendersSchemaQualifiedPaths() {
    String filter =
        ENTERPRISE + ":manager.value eq \"26118915\" and " + ENTERPRISE + ":department pr";
    Filter parsed = FilterParser.parse(filter);
    assertEquals(filter, parsed.render());
    assertEquals(parsed, FilterParser.parse(parsed.render()));
  }

  @Test
  void randomTreesSurviveRenderAndParse() {
    Random random = new Random(7644);
    for (int i = 0; i < 2000; i++) {
      Filter filter = randomFilter(random, 4, false);
      assertEquals(filter, FilterParser.parse(filter.render()), filter::render);
    }
  }

  private static Filter randomFilter(Random random, int depth, boolean insideValuePath) {
    int choice = depth == 0 ? random.nextInt(2) : random.nextInt(insideValuePath ? 5 : 6);
    return switch (choice) {
      case 0 -> new Filter.Present(randomPath(random, insideValuePath));
      case 1 -> randomComparison(random, insideValuePath);
      case 2 ->
          new Filter.And(
              randomFilter(random, depth - 1, insideValuePath),
              randomFilter(random, depth - 1, insideValuePath));
      case 3 ->
          new Filter.Or(
              randomFilter(random, depth - 1, insideValuePath),
              randomFilter(random, depth - 1, insideValuePath));
      case 4 -> new Filter.Not(randomFilter(random, depth - 1, insideValuePath));
      default ->
          new Filter.ValuePathFilter(
              AttributePath.of(pick(random, "emails", "members", "addresses")),
              randomFilter(random, depth - 1, true));
    };
  }

  private static AttributePath randomPath(Random random, boolean relative) {
    String attribute = pick(random, "userName", "type", "value", "a-b_1", "$ref");
    if (relative) {
      return AttributePath.of(attribute);
    }
    String urn = random.nextInt(4) == 0 ? ENTERPRISE : null;
    String sub = random.nextInt(3) == 0 ? pick(random, "value", "familyName", "$ref") : null;
    return new AttributePath(urn, attribute, sub);
  }

  private static Filter randomComparison(Random random, boolean relative) {
    CompareOp op = CompareOp.values()[random.nextInt(CompareOp.values().length)];
    Literal value;
    if (op.isSubstringMatch()) {
      value = Literal.of(randomString(random));
    } else {
      value =
          switch (random.nextInt(op.isOrdering() ? 2 : 4)) {
            case 0 -> Literal.of(randomString(random));
            case 1 ->
                Literal.of(
                    new BigDecimal(
                        pick(
                            random, "0", "-1", "3.14", "1E+5", "-2.5E-7", "12345678901234567890")));
            case 2 -> Literal.of(random.nextBoolean());
            default -> Literal.NULL;
          };
    }
    return new Filter.Comparison(randomPath(random, relative), op, value);
  }

  private static String randomString(Random random) {
    String alphabet = "ab \"\\/()[]é\n\t\u0001\uD83D\uDE00";
    StringBuilder out = new StringBuilder();
    int length = random.nextInt(6);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  private static String pick(Random random, String... options) {
    return options[random.nextInt(options.length)];
  }
}
