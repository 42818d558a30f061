package dev.rollcall.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableRendererTest {

  private final TableRenderer renderer = new TableRenderer();

  private static final String[] INTEGRATION_COLUMNS = {
    "Type", "Name", "Command", "Summary", "Token", "Uri", "Expires At"
  };

  @Test
  void reproducesTheSeedsCreateSecurityIntegrationTable() {
    // Copied from seeds/create-security-integration.txt.
    String expected =
        """
+----------------------+-------+----------+------------------------------------------+----------------------+-------------------+-------------------------------+
|  Type                |  Name |  Command |  Summary                                 |  Token               |  Uri              |  Expires At                   |
+======================+=======+==========+==========================================+======================+===================+===============================+
| security integration | okta  | CREATE   | security integration okta was            | <redacted_new_token> | <integration_uri> | 2025-07-15 23:17:15 +0000 UTC |
|                      |       |          | successfully created                     |                      |                   |                               |
+----------------------+-------+----------+------------------------------------------+----------------------+-------------------+-------------------------------+
""";
    ResultTable table =
        ResultTable.builder(INTEGRATION_COLUMNS)
            .row(
                "security integration",
                "okta",
                "CREATE",
                "security integration okta was successfully created",
                "<redacted_new_token>",
                "<integration_uri>",
                "2025-07-15 23:17:15 +0000 UTC")
            .build();

    assertEquals(expected, renderer.render(table));
  }

  @Test
  void reproducesTheSeedsAlterSecurityIntegrationTable() {
    // Copied from seeds/alter-security-integration.md.
    String expected =
        """
+----------------------+-------+----------+------------------------------------------+----------------------+-------------------+-------------------------------+
|  Type                |  Name |  Command |  Summary                                 |  Token               |  Uri              |  Expires At                   |
+======================+=======+==========+==========================================+======================+===================+===============================+
| security integration | okta  | ALTER    | security integration okta was            | <redacted_new_token> | <integration_uri> | 2025-07-15 23:20:21 +0000 UTC |
|                      |       |          | successfully refreshed                   |                      |                   |                               |
+----------------------+-------+----------+------------------------------------------+----------------------+-------------------+-------------------------------+
""";
    ResultTable table =
        ResultTable.builder(INTEGRATION_COLUMNS)
            .row(
                "security integration",
                "okta",
                "ALTER",
                "security integration okta was successfully refreshed",
                "<redacted_new_token>",
                "<integration_uri>",
                "2025-07-15 23:20:21 +0000 UTC")
            .build();

    assertEquals(expected, renderer.render(table));
  }

  @Test
  void reproducesTheSeedsListSecurityIntegrationsTable() {
    // Copied from seeds/alter-security-integration.md.
    String expected =
        """
+-------+-------+-------------------------------+-------------------------------+
|  Name |  Type |  Created At                   |  Updated At                   |
+=======+=======+===============================+===============================+
| okta  | scim  | 2024-07-15 23:17:14 +0000 UTC | 2024-07-15 23:17:14 +0000 UTC |
+-------+-------+-------------------------------+-------------------------------+
""";
    ResultTable table =
        ResultTable.builder("Name", "Type", "Created At", "Updated At")
            .row("okta", "scim", "2024-07-15 23:17:14 +0000 UTC", "2024-07-15 23:17:14 +0000 UTC")
            .build();

    assertEquals(expected, renderer.render(table));
  }

  @Test
  void tableWithoutRowsEndsAfterTheHeaderSeparator() {
    ResultTable table = ResultTable.builder("Name", "Type").build();

    assertEquals(
        """
        +-------+-------+
        |  Name |  Type |
        +=======+=======+
        """,
        renderer.render(table));
  }

  @Test
  void everyRowIsClosedByABorderLine() {
    ResultTable table = ResultTable.builder("Name").row("a").row("bb").build();

    assertEquals(
        """
        +-------+
        |  Name |
        +=======+
        | a     |
        +-------+
        | bb    |
        +-------+
        """,
        renderer.render(table));
  }

  @Test
  void rendersNullAsEmptyAndBooleansAndNumbersAsText() {
    ResultTable table =
        ResultTable.builder("Email", "Active", "Count", "Ratio", "Roles")
            .row("ada@example.com", true, 3, new BigDecimal("1E+3"), null)
            .row("bob@example.com", false, 12L, 0.5, "")
            .build();

    assertEquals(
        """
        +-----------------+---------+--------+--------+--------+
        |  Email          |  Active |  Count |  Ratio |  Roles |
        +=================+=========+========+========+========+
        | ada@example.com | true    | 3      | 1000   |        |
        +-----------------+---------+--------+--------+--------+
        | bob@example.com | false   | 12     | 0.5    |        |
        +-----------------+---------+--------+--------+--------+
        """,
        renderer.render(table));
  }

  @Test
  void textOfExactlyTheWrapWidthStaysOnOneLine() {
    String forty = "a".repeat(20) + " " + "b".repeat(19);
    ResultTable table = ResultTable.builder("X").row(forty).build();

    String rendered = renderer.render(table);

    assertEquals(5, rendered.lines().count());
    assertTrue(rendered.contains("| " + forty + " |\n"));
  }

  @Test
  void wrapsLongTextGreedilyAtWhitespaceAndFillsTheWrapWidth() {
    String text = "one two three four five six seven eight nine ten eleven twelve";
    ResultTable table = ResultTable.builder("Summary", "N").row(text, 1).build();

    assertEquals(
        """
        +------------------------------------------+----+
        |  Summary                                 |  N |
        +==========================================+====+
        | one two three four five six seven eight  | 1  |
        | nine ten eleven twelve                   |    |
        +------------------------------------------+----+
        """,
        renderer.render(table));
  }

  @Test
  void neverSplitsAWordLongerThanTheWrapWidth() {
    String token = "rc_" + "x".repeat(50);
    String uri = "http://localhost:9080/scim/v2/0f8c2a44-6a55-4b5e-9b1e-2b1a6c0e7d11";
    ResultTable table =
        ResultTable.builder("Token", "Note").row(token, "see " + uri + " for details").build();

    String rendered = renderer.render(table);

    List<String> lines = rendered.lines().toList();
    assertEquals("| " + token + " | see" + " ".repeat(uri.length() - 3) + " |", lines.get(3));
    assertEquals("| " + " ".repeat(token.length()) + " | " + uri + " |", lines.get(4));
    assertEquals(
        "| " + " ".repeat(token.length()) + " | for details" + " ".repeat(uri.length() - 11) + " |",
        lines.get(5));
    assertEquals(
        "+-" + "-".repeat(token.length()) + "-+-" + "-".repeat(uri.length()) + "-+", lines.get(6));
  }

  @Test
  void aCellsOwnLineBreaksStartNewLines() {
    ResultTable table = ResultTable.builder("Roles").row("a\nlonger").build();

    assertEquals(
        """
        +--------+
        |  Roles |
        +========+
        | a      |
        | longer |
        +--------+
        """,
        renderer.render(table));
  }

  @Test
  void everyLineEndsWithANewline() {
    String rendered = renderer.render(ResultTable.builder("A").row("x").build());

    assertTrue(rendered.endsWith("+\n"));
    assertEquals(rendered.lines().count(), rendered.chars().filter(c -> c == '\n').count());
  }

  @Test
  void rejectsRowsWithTheWrongNumberOfCells() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ResultTable(List.of("A", "B"), List.of(List.of("only one"))));

    assertTrue(error.getMessage().contains("row 0 has 1 cells but there are 2 columns"));
  }

  @Test
  void rejectsCellsOfOtherTypes() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> ResultTable.builder("When").row(java.time.Instant.EPOCH).build());

    assertTrue(error.getMessage().contains("java.time.Instant"));
  }

  @Test
  void rejectsATableWithoutColumns() {
    assertThrows(IllegalArgumentException.class, () -> new ResultTable(List.of(), List.of()));
  }

  @Test
  void keepsNullCellsAndCopiesRows() {
    List<Object> row = Arrays.asList("a", null);
    ResultTable table = new ResultTable(List.of("A", "B"), List.of(row));
    row.set(0, "changed");

    assertEquals(Arrays.asList("a", null), table.rows().get(0));
    assertThrows(UnsupportedOperationException.class, () -> table.rows().get(0).set(0, "x"));
  }
}
