package dev.rollcall.statement;

import java.util.Locale;

/**
 * A lexical token of a statement.
 *
 * @param text for identifiers the text as written; for quoted identifiers and strings the content
 *     with quotes removed and doubled quotes unescaped; for symbols the symbol itself
 * @param offset zero-based character offset of the token's first character
 * @param line one-based line of the token's first character
 * @param column one-based column of the token's first character
 */
record Token(Type type, String text, int offset, int line, int column) {

  enum Type {
    IDENTIFIER,
    QUOTED_IDENTIFIER,
    STRING,
    NUMBER,
    LEFT_PAREN,
    RIGHT_PAREN,
    COMMA,
    EQUALS,
    SEMICOLON,
    END
  }

  private static final int LONGEST_SHOWN = 40;

  /** True for an unquoted identifier spelling this keyword, ignoring case. */
  boolean isKeyword(String keyword) {
    return type == Type.IDENTIFIER && text.equalsIgnoreCase(keyword);
  }

  /** The upper-cased text of an unquoted identifier; empty for any other token. */
  String keyword() {
    return type == Type.IDENTIFIER ? text.toUpperCase(Locale.ROOT) : "";
  }

  /** How the token reads in an error message after "found". */
  String describe() {
    return switch (type) {
      case END -> "end of statement";
      case QUOTED_IDENTIFIER -> '"' + shorten(text).replace("\"", "\"\"") + '"';
      case STRING -> "string '" + shorten(text).replace("'", "''") + "'";
      case NUMBER -> "number " + text;
      default -> "'" + shorten(text) + "'";
    };
  }

  private static String shorten(String text) {
    return text.length() <= LONGEST_SHOWN ? text : text.substring(0, LONGEST_SHOWN) + "...";
  }
}
