package dev.rollcall.web;

/**
 * How deeply a JSON text nests arrays and objects, counted before it is parsed: the parser builds
 * nested values recursively, so a body thousands of levels deep would exhaust the thread's stack.
 * Request bodies deeper than {@link #MAX_DEPTH} are refused as malformed.
 */
public final class JsonNesting {
  /** No request body Rollcall reads nests anywhere near this deep. */
  public static final int MAX_DEPTH = 64;

  private JsonNesting() {}

  /** Whether {@code text} opens more than {@code max} arrays or objects inside each other. */
  public static boolean exceeds(String text, int max) {
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++; // the escaped character cannot end the string
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        if (++depth > max) {
          return true;
        }
      } else if (c == '}' || c == ']') {
        depth--;
      }
    }
    return false;
  }

  /** {@link #exceeds(String, int)} with {@link #MAX_DEPTH}. */
  public static boolean tooDeep(String text) {
    return exceeds(text, MAX_DEPTH);
  }
}
