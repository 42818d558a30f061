package dev.rollcall.statement;

import dev.rollcall.statement.Token.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits statement text into tokens. Whitespace and {@code --} line comments separate tokens;
 * identifiers are {@code [A-Za-z_][A-Za-z0-9_]*}; {@code "..."} is a quoted identifier and {@code
 * '...'} a string, both escaping their quote by doubling it; numbers are {@code -?digits[.digits]}.
 */
final class Lexer {

  private static final String TOKEN_KINDS = "a keyword, name, literal, '(', ')', ',', '=' or ';'";

  private final String text;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;
  private int line = 1;
  private int column = 1;

  private Lexer(String text) {
    this.text = text;
  }

  /** The tokens of the text, always ending with one {@link Type#END} token. */
  static List<Token> tokenize(String text) {
    return new Lexer(text).run();
  }

  private List<Token> run() {
    skipWhitespaceAndComments();
    while (pos < text.length()) {
      tokens.add(nextToken());
      skipWhitespaceAndComments();
    }
    tokens.add(new Token(Type.END, "", pos, line, column));
    return tokens;
  }

  private Token nextToken() {
    char c = text.charAt(pos);
    return switch (c) {
      case '(' -> symbol(Type.LEFT_PAREN);
      case ')' -> symbol(Type.RIGHT_PAREN);
      case ',' -> symbol(Type.COMMA);
      case '=' -> symbol(Type.EQUALS);
      case ';' -> symbol(Type.SEMICOLON);
      case '\'' -> quoted(Type.STRING, '\'', "string literal");
      case '"' -> quoted(Type.QUOTED_IDENTIFIER, '"', "quoted identifier");
      default -> {
        if (isIdentifierStart(c)) {
          yield identifier();
        }
        if (isDigit(c) || (c == '-' && isDigit(charAt(pos + 1)))) {
          yield number();
        }
        throw unexpectedCharacter();
      }
    };
  }

  private Token symbol(Type type) {
    Token token = new Token(type, String.valueOf(text.charAt(pos)), pos, line, column);
    advance();
    return token;
  }

  private Token identifier() {
    int start = pos;
    int startColumn = column;
    while (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
      advance();
    }
    return new Token(Type.IDENTIFIER, text.substring(start, pos), start, line, startColumn);
  }

  private Token number() {
    int start = pos;
    int startColumn = column;
    if (text.charAt(pos) == '-') {
      advance();
    }
    skipDigits();
    if (charAt(pos) == '.') {
      advance();
      if (!isDigit(charAt(pos))) {
        throw error(line, column, "expected a digit after the decimal point, found " + here());
      }
      skipDigits();
    }
    if (isIdentifierPart(charAt(pos)) || charAt(pos) == '.') {
      throw error(
          line,
          column,
          "expected a space or punctuation after number "
              + text.substring(start, pos)
              + ", found "
              + here());
    }
    return new Token(Type.NUMBER, text.substring(start, pos), start, line, startColumn);
  }

  private Token quoted(Type type, char quote, String what) {
    int start = pos;
    int startLine = line;
    int startColumn = column;
    advance();
    StringBuilder content = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw error(
            startLine,
            startColumn,
            "unterminated " + what + ": expected a closing " + quote + ", found end of statement");
      }
      char c = text.charAt(pos);
      advance();
      if (c != quote) {
        content.append(c);
      } else if (charAt(pos) == quote) {
        content.append(quote);
        advance();
      } else {
        break;
      }
    }
    if (type == Type.QUOTED_IDENTIFIER && content.isEmpty()) {
      throw error(startLine, startColumn, "expected a name between the double quotes, found \"\"");
    }
    return new Token(type, content.toString(), start, startLine, startColumn);
  }

  private void skipWhitespaceAndComments() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (Character.isWhitespace(c)) {
        advance();
      } else if (c == '-' && charAt(pos + 1) == '-') {
        while (pos < text.length() && text.charAt(pos) != '\n') {
          advance();
        }
      } else {
        return;
      }
    }
  }

  private void skipDigits() {
    while (isDigit(charAt(pos))) {
      advance();
    }
  }

  private void advance() {
    if (text.charAt(pos) == '\n') {
      line++;
      column = 1;
    } else {
      column++;
    }
    pos++;
  }

  /** The character at index, or NUL past the end. */
  private char charAt(int index) {
    return index < text.length() ? text.charAt(index) : '\0';
  }

  private StatementSyntaxException unexpectedCharacter() {
    String hint =
        Character.isLetter(text.codePointAt(pos))
            ? " (names with characters other than A-Z, 0-9 and _ must be double-quoted)"
            : "";
    return error(line, column, "expected " + TOKEN_KINDS + ", found " + here() + hint);
  }

  /** The character at the current position, as an error message shows it. */
  private String here() {
    if (pos >= text.length()) {
      return "end of statement";
    }
    int codePoint = text.codePointAt(pos);
    if (Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)) {
      return String.format("character U+%04X", codePoint);
    }
    return "character '" + new String(Character.toChars(codePoint)) + "'";
  }

  private static StatementSyntaxException error(int line, int column, String detail) {
    return new StatementSyntaxException(line, column, detail);
  }

  private static boolean isIdentifierStart(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
  }

  private static boolean isIdentifierPart(char c) {
    return isIdentifierStart(c) || isDigit(c);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
