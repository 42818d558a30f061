package dev.rollcall.scim.filter;

import dev.rollcall.query.AttributePath;
import dev.rollcall.query.Filter;

/** Parses SCIM filter text (the {@code filter} query parameter and search request attribute). */
public final class FilterParser {

  /** The longest filter or path accepted, in characters. */
  public static final int MAX_LENGTH = 8192;

  /** The most parentheses and brackets a filter may nest. */
  public static final int MAX_DEPTH = 64;

  private FilterParser() {}

  /**
   * Parses a filter following RFC 7644 §3.4.2.2: {@code not} binds tighter than {@code and}, which
   * binds tighter than {@code or}; {@code and} and {@code or} group to the left. Keywords and
   * operators are case-insensitive; attribute names are kept as written.
   *
   * @throws InvalidFilterException if the text is not a filter, is longer than {@link #MAX_LENGTH}
   *     or nests deeper than {@link #MAX_DEPTH}
   */
  public static Filter parse(String filter) {
    return Parser.parseFilter(filter);
  }

  /**
   * Parses a lone attribute path, as {@code sortBy}, {@code attributes} and {@code
   * excludedAttributes} carry them.
   *
   * @throws InvalidPathException if the text is not an attribute path
   */
  public static AttributePath parsePath(String path) {
    return Parser.parseAttributePath(path);
  }
}
