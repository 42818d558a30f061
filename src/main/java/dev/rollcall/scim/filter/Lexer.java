package dev.rollcall.scim.filter;

/**
 * Splits filter and path text into tokens. Positions are 0-based indexes into the text. A word runs
 * up to whitespace or one of {@code ( ) [ ] "}, so attribute paths (URNs included) and keywords are
 * single words; the parser decides what a word means where it stands.
 */
final class Lexer {

  enum Kind {
    WORD,
    STRING,
    NUMBER,
    LPAREN,
    RPAREN,
    LBRACKET,
    RBRACKET,
    END
  }

  /**
   * One token.
   *
   * @param text the token's source text (for a string, with its quotes and escapes)
   * @param start where the token starts
   * @param spaceBefore whether whitespace precedes the token
   * @param string the decoded value of a string token, otherwise null
   */
  record Token(Kind kind, String text, int start, boolean spaceBefore, String string) {

    boolean isKeyword(String keyword) {
      return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    /** Words, strings and numbers must be separated by whitespace; punctuation need not be. */
    boolean needsSpace() {
      return kind == Kind.WORD || kind == Kind.STRING || kind == Kind.NUMBER;
    }

    /** The token as an error message shows it. */
    String describe() {
      if (kind == Kind.END) {
        return "end of input";
      }
      return kind == Kind.STRING ? shorten(text) : "'" + shorten(text) + "'";
    }
  }

  /** Source text short enough to quote in an error message. */
  static String shorten(String text) {
    return text.length() > 40 ? text.substring(0, 37) + "..." : text;
  }

  /** Creates the exception for a syntax error at a 0-based index. */
  interface Errors {
    RuntimeException at(int index, String detail);
  }

  private final String text;
  private final Errors errors;
  private int pos;
  private Token previous;

  Lexer(String text, Errors errors) {
    this.text = text;
    this.errors = errors;
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static boolean isDelimiter(char c) {
    return isSpace(c) || c == '(' || c == ')' || c == '[' || c == ']' || c == '"';
  }

  Token next() {
    int before = pos;
    while (pos < text.length() && isSpace(text.charAt(pos))) {
      pos++;
    }
    boolean spaceBefore = pos > before;
    Token token =
        pos >= text.length() ? new Token(Kind.END, "", pos, spaceBefore, null) : scan(spaceBefore);
    if (!spaceBefore && previous != null && previous.needsSpace() && token.needsSpace()) {
      throw errors.at(token.start(), "expected a space before " + token.describe());
    }
    previous = token;
    return token;
  }

  private Token scan(boolean spaceBefore) {
    int start = pos;
    char c = text.charAt(pos);
    Kind punctuation =
        switch (c) {
          case '(' -> Kind.LPAREN;
          case ')' -> Kind.RPAREN;
          case '[' -> Kind.LBRACKET;
          case ']' -> Kind.RBRACKET;
          default -> null;
        };
    if (punctuation != null) {
      pos++;
      return new Token(punctuation, String.valueOf(c), start, spaceBefore, null);
    }
    if (c == '"') {
      return string(start, spaceBefore);
    }
    while (pos < text.length() && !isDelimiter(text.charAt(pos))) {
      pos++;
    }
    // A number is checked against the JSON grammar only where the parser expects a value, so that
    // "1abc" in place of an attribute reads as a misplaced token rather than as a bad number.
    Kind kind = c == '-' || (c >= '0' && c <= '9') ? Kind.NUMBER : Kind.WORD;
    return new Token(kind, text.substring(start, pos), start, spaceBefore, null);
  }

  /** A JSON string (RFC 8259 §7): escapes decoded, raw characters taken as they are. */
  private Token string(int start, boolean spaceBefore) {
    StringBuilder value = new StringBuilder();
    pos++;
    while (true) {
      if (pos >= text.length()) {
        throw errors.at(start, "unterminated string: the '\"' here has no closing '\"'");
      }
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        break;
      }
      if (c != '\\') {
        value.append(c);
        pos++;
        continue;
      }
      if (pos + 1 >= text.length()) {
        throw errors.at(start, "unterminated string: the '\"' here has no closing '\"'");
      }
      char escaped = text.charAt(pos + 1);
      switch (escaped) {
        case '"', '\\', '/' -> value.append(escaped);
        case 'b' -> value.append('\b');
        case 'f' -> value.append('\f');
        case 'n' -> value.append('\n');
        case 'r' -> value.append('\r');
        case 't' -> value.append('\t');
        case 'u' -> {
          value.append(unicodeEscape(pos));
          pos += 4;
        }
        default ->
            throw errors.at(
                pos,
                "invalid escape '\\"
                    + escaped
                    + "' in string (allowed: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
      }
      pos += 2;
    }
    return new Token(Kind.STRING, text.substring(start, pos), start, spaceBefore, value.toString());
  }

  private char unicodeEscape(int backslash) {
    int first = backslash + 2;
    int code = 0;
    for (int i = first; i < first + 4; i++) {
      int digit = i < text.length() ? hexDigit(text.charAt(i)) : -1;
      if (digit < 0) {
        throw errors.at(
            backslash, "invalid escape: '\\u' must be followed by four hexadecimal digits");
      }
      code = code * 16 + digit;
    }
    return (char) code;
  }

  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
