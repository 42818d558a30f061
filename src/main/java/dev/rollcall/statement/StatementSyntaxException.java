package dev.rollcall.statement;

/**
 * A statement that cannot be parsed. The message reads {@code Syntax error at line L, column C:
 * detail}, where the detail names what was expected and what was found.
 */
public final class StatementSyntaxException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;
  private final String detail;

  /**
   * @param line one-based line of the offending text
   * @param column one-based column of the offending text
   * @param detail what was expected and what was found, without the position prefix
   */
  public StatementSyntaxException(int line, int column, String detail) {
    super("Syntax error at line " + line + ", column " + column + ": " + detail);
    this.line = line;
    this.column = column;
    this.detail = detail;
  }

  /** An error at a zero-based character offset of the statement text, e.g. an option's position. */
  public static StatementSyntaxException at(String text, int offset, String detail) {
    if (offset < 0 || offset > text.length()) {
      throw new IllegalArgumentException("offset " + offset + " is outside the statement");
    }
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new StatementSyntaxException(line, column, detail);
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** The message without the {@code Syntax error at line L, column C: } prefix. */
  public String detail() {
    return detail;
  }
}
