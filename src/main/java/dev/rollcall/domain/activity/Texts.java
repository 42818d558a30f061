package dev.rollcall.domain.activity;

/** Log texts are cut to their column rather than refused: a log line never fails a request. */
final class Texts {
  private Texts() {}

  static String cut(String text, int length) {
    if (text == null || text.length() <= length) {
      return text;
    }
    return text.substring(0, length - 1) + "…";
  }
}
