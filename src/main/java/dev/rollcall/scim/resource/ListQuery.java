package dev.rollcall.scim.resource;

import dev.rollcall.query.Filter;
import dev.rollcall.query.Sort;
import dev.rollcall.scim.ScimException;
import dev.rollcall.scim.filter.FilterParser;
import dev.rollcall.scim.schema.ScimType;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Locale;

/**
 * The query parameters of a SCIM list or search (RFC 7644 §3.4.2): filter, sortBy/sortOrder,
 * startIndex (1-based) and count, attributes/excludedAttributes.
 */
record ListQuery(
    Filter filter,
    Sort sort,
    int startIndex,
    int count,
    String attributes,
    String excludedAttributes) {
  static final int DEFAULT_COUNT = 100;
  static final int MAX_COUNT = 1000;

  static ListQuery of(
      String filter,
      String sortBy,
      String sortOrder,
      String startIndex,
      String count,
      String attributes,
      String excludedAttributes) {
    Filter parsed = filter == null || filter.isBlank() ? null : FilterParser.parse(filter);
    Sort sort = null;
    if (sortBy != null && !sortBy.isBlank()) {
      boolean descending = false;
      if (sortOrder != null && !sortOrder.isBlank()) {
        switch (sortOrder.toLowerCase(Locale.ROOT)) {
          case "ascending" -> descending = false;
          case "descending" -> descending = true;
          default ->
              throw ScimException.badRequest(
                  ScimType.INVALID_VALUE, "sortOrder must be ascending or descending");
        }
      }
      sort = new Sort(FilterParser.parsePath(sortBy), descending);
    }
    int start = Math.max(1, integer("startIndex", startIndex, 1));
    int size = Math.min(MAX_COUNT, Math.max(0, integer("count", count, DEFAULT_COUNT)));
    return new ListQuery(parsed, sort, start, size, attributes, excludedAttributes);
  }

  /** A {@code /.search} body (RFC 7644 §3.4.3). */
  static ListQuery of(JsonObject body) {
    return of(
        text(body, "filter"),
        text(body, "sortBy"),
        text(body, "sortOrder"),
        number(body, "startIndex"),
        number(body, "count"),
        list(body, "attributes"),
        list(body, "excludedAttributes"));
  }

  /** A string member; any other JSON type is refused, naming the member. */
  private static String text(JsonObject body, String name) {
    return JsonReading.get(body, name)
        .map(
            v -> {
              if (v instanceof JsonString s) {
                return s.getString();
              }
              throw JsonReading.invalid(name + " must be a string");
            })
        .orElse(null);
  }

  /** startIndex or count: a JSON integer (or a string holding one, as in a query string). */
  private static String number(JsonObject body, String name) {
    return JsonReading.get(body, name)
        .map(
            v -> {
              if (v instanceof JsonString s) {
                return s.getString();
              }
              if (v instanceof JsonNumber n && n.isIntegral()) {
                return n.toString();
              }
              throw JsonReading.invalid(name + " must be an integer");
            })
        .orElse(null);
  }

  /** attributes or excludedAttributes: an array of strings, or one comma-separated string. */
  private static String list(JsonObject body, String name) {
    return JsonReading.get(body, name)
        .map(
            v -> {
              if (v instanceof JsonString s) {
                return s.getString();
              }
              if (v instanceof JsonArray a
                  && a.stream().allMatch(item -> item instanceof JsonString)) {
                return String.join(
                    ",",
                    a.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
              }
              throw JsonReading.invalid(name + " must be an array of attribute names");
            })
        .orElse(null);
  }

  private static int integer(String name, String value, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw ScimException.badRequest(ScimType.INVALID_VALUE, name + " must be an integer");
    }
  }
}
