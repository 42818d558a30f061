package dev.rollcall.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.statement.OptionValue.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

  private static Option option(String key, Kind kind, String text) {
    return new Option(key, new OptionValue(kind, text), 0);
  }

  @Test
  void noneIsEmpty() {
    assertTrue(Options.none().isEmpty());
    assertTrue(Options.none().get("type").isEmpty());
  }

  @Test
  void getIgnoresCase() {
    Options options = new Options(List.of(option("scim.client", Kind.IDENTIFIER, "OKTA")));

    assertEquals("OKTA", options.get("SCIM.CLIENT").orElseThrow().value().text());
  }

  @Test
  void rejectsDuplicateKeys() {
    List<Option> entries =
        List.of(option("type", Kind.IDENTIFIER, "SCIM"), option("Type", Kind.STRING, "scim"));

    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> new Options(entries));

    assertTrue(error.getMessage().contains("'Type'"));
  }

  @Test
  void entriesAreACopy() {
    List<Option> entries = new ArrayList<>(List.of(option("a", Kind.NUMBER, "1")));
    Options options = new Options(entries);
    entries.clear();

    assertEquals(1, options.entries().size());
    assertThrows(UnsupportedOperationException.class, () -> options.entries().clear());
  }

  @Test
  void asNameFollowsTheIdentifierRule() {
    assertEquals("okta_role", new OptionValue(Kind.IDENTIFIER, "Okta_Role").asName());
    assertEquals("Okta Role", new OptionValue(Kind.QUOTED_IDENTIFIER, "Okta Role").asName());
    assertEquals("Okta Role", new OptionValue(Kind.STRING, "Okta Role").asName());
    assertEquals("42", new OptionValue(Kind.NUMBER, "42").asName());
  }

  @Test
  void syntaxErrorAtAnOffsetCountsLinesAndColumns() {
    String text = "ab\ncd\n\nef";

    assertPosition(StatementSyntaxException.at(text, 0, "x"), 1, 1);
    assertPosition(StatementSyntaxException.at(text, 2, "x"), 1, 3);
    assertPosition(StatementSyntaxException.at(text, 3, "x"), 2, 1);
    assertPosition(StatementSyntaxException.at(text, 7, "x"), 4, 1);
    assertPosition(StatementSyntaxException.at(text, text.length(), "x"), 4, 3);
    assertThrows(IllegalArgumentException.class, () -> StatementSyntaxException.at(text, 99, "x"));
  }

  private static void assertPosition(StatementSyntaxException error, int line, int column) {
    assertEquals(line, error.line());
    assertEquals(column, error.column());
  }
}
