package dev.rollcall.statement;

import dev.rollcall.statement.Token.Type;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A statement as the audit trail keeps it: as written, with every secret replaced by {@code
 * '<redacted>'}: the value of an option whose name speaks of a token, secret, password, key or
 * credential, and any string that looks like one of Rollcall's tokens.
 */
public final class StatementText {
  static final String REDACTED = "'<redacted>'";

  private static final Pattern SECRET_OPTION =
      Pattern.compile(".*(token|secret|password|passwd|key|credential).*");

  private StatementText() {}

  public static String redact(String text) {
    List<Token> tokens;
    try {
      tokens = Lexer.tokenize(text);
    } catch (StatementSyntaxException e) {
      // not a statement: nothing in it is kept
      return REDACTED;
    }
    StringBuilder out = new StringBuilder();
    int copied = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.type() == Type.STRING && secret(tokens, i)) {
        out.append(text, copied, token.offset()).append(REDACTED);
        copied = endOfString(text, token.offset());
      }
    }
    return out.append(text, copied, text.length()).toString().strip();
  }

  private static boolean secret(List<Token> tokens, int i) {
    String value = tokens.get(i).text();
    if (value.startsWith("rc_api_") || value.startsWith("rc_scim_")) {
      return true;
    }
    // 'key' = 'value'
    return i >= 2
        && tokens.get(i - 1).type() == Type.EQUALS
        && tokens.get(i - 2).type() == Type.STRING
        && SECRET_OPTION.matcher(tokens.get(i - 2).text().toLowerCase(Locale.ROOT)).matches();
  }

  /** The offset just past the single-quoted string starting at {@code start} ('' is a quote). */
  private static int endOfString(String text, int start) {
    int pos = start + 1;
    while (pos < text.length()) {
      if (text.charAt(pos) == '\'') {
        if (pos + 1 < text.length() && text.charAt(pos + 1) == '\'') {
          pos += 2;
          continue;
        }
        return pos + 1;
      }
      pos++;
    }
    return text.length();
  }
}
