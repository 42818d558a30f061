package dev.rollcall.statement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link ResultTable} as the boxed text table of the DeltaStream CLI:
 *
 * <pre>
 * +-------+-------+
 * |  Name |  Type |
 * +=======+=======+
 * | okta  | scim  |
 * +-------+-------+
 * </pre>
 *
 * A column is as wide as its header plus one, or its widest cell. Text longer than {@value
 * #WRAP_WIDTH} characters is word-wrapped at whitespace and then fills the whole wrap width; a
 * single longer word is never split, so tokens and URIs stay copyable. A wrapped cell makes its row
 * several lines tall, the other cells blank on the extra lines. Every line ends with {@code \n}.
 */
public final class TableRenderer {

  static final int WRAP_WIDTH = 40;

  public String render(ResultTable table) {
    List<String> headers = table.columns();
    List<List<List<String>>> rows = new ArrayList<>();
    int[] widths = new int[headers.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = headers.get(c).length() + 1;
    }
    for (List<Object> row : table.rows()) {
      List<List<String>> cells = new ArrayList<>();
      for (int c = 0; c < widths.length; c++) {
        String text = text(row.get(c));
        cells.add(lines(text));
        widths[c] = Math.max(widths[c], width(text, cells.get(c)));
      }
      rows.add(cells);
    }

    StringBuilder out = new StringBuilder();
    border(out, widths, '-');
    out.append('|');
    for (int c = 0; c < widths.length; c++) {
      out.append("  ").append(pad(headers.get(c), widths[c])).append('|');
    }
    out.append('\n');
    border(out, widths, '=');
    for (List<List<String>> cells : rows) {
      int height = cells.stream().mapToInt(List::size).max().orElse(1);
      for (int line = 0; line < height; line++) {
        out.append('|');
        for (int c = 0; c < widths.length; c++) {
          List<String> cell = cells.get(c);
          String text = line < cell.size() ? cell.get(line) : "";
          out.append(' ').append(pad(text, widths[c])).append(" |");
        }
        out.append('\n');
      }
      border(out, widths, '-');
    }
    return out.toString();
  }

  private static String text(Object cell) {
    if (cell == null) {
      return "";
    }
    if (cell instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    return cell.toString();
  }

  /** The physical lines of a cell: its own line breaks, then word wrapping of long lines. */
  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : paragraphs(text)) {
      if (paragraph.length() <= WRAP_WIDTH) {
        lines.add(paragraph);
      } else {
        wrap(paragraph, lines);
      }
    }
    return lines;
  }

  /** Greedy word wrap into lines of at most WRAP_WIDTH, except single words that are longer. */
  private static void wrap(String paragraph, List<String> lines) {
    StringBuilder line = new StringBuilder();
    for (String word : paragraph.trim().split("\\s+")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > WRAP_WIDTH) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    lines.add(line.toString());
  }

  /** A cell's width: its longest line, but a wrapped cell takes the whole wrap width. */
  private static int width(String text, List<String> lines) {
    int longestLine = lines.stream().mapToInt(String::length).max().orElse(0);
    int widestParagraph =
        paragraphs(text).stream()
            .mapToInt(paragraph -> Math.min(paragraph.length(), WRAP_WIDTH))
            .max()
            .orElse(0);
    return Math.max(longestLine, widestParagraph);
  }

  private static List<String> paragraphs(String text) {
    return List.of(text.split("\r?\n", -1));
  }

  private static void border(StringBuilder out, int[] widths, char fill) {
    out.append('+');
    for (int width : widths) {
      out.append(String.valueOf(fill).repeat(width + 2)).append('+');
    }
    out.append('\n');
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(width - text.length());
  }
}
