package dev.rollcall.scim.resource;

import dev.rollcall.infrastructure.persistence.ScimSearch;
import dev.rollcall.scim.ScimException;
import dev.rollcall.scim.filter.AttributePath;
import dev.rollcall.scim.filter.Filter;
import dev.rollcall.scim.filter.FilterParser;
import jakarta.json.JsonObject;
import java.util.Locale;

/**
 * The query parameters of a SCIM list or search (RFC 7644 §3.4.2): filter, sortBy/sortOrder,
 * startIndex (1-based) and count, attributes/excludedAttributes.
 */
record ListQuery(
    Filter filter,
    ScimSearch.Sort sort,
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
    ScimSearch.Sort sort = null;
    if (sortBy != null && !sortBy.isBlank()) {
      boolean descending = false;
      if (sortOrder != null && !sortOrder.isBlank()) {
        switch (sortOrder.toLowerCase(Locale.ROOT)) {
          case "ascending" -> descending = false;
          case "descending" -> descending = true;
          default ->
              throw ScimException.badRequest(
                  "invalidValue", "sortOrder must be ascending or descending");
        }
      }
      sort = new ScimSearch.Sort(AttributePath.parse(sortBy), descending);
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
        text(body, "startIndex"),
        text(body, "count"),
        list(body, "attributes"),
        list(body, "excludedAttributes"));
  }

  private static String text(JsonObject body, String name) {
    return JsonReading.get(body, name)
        .map(v -> v instanceof jakarta.json.JsonString s ? s.getString() : v.toString())
        .orElse(null);
  }

  private static String list(JsonObject body, String name) {
    return JsonReading.get(body, name)
        .map(
            v ->
                v instanceof jakarta.json.JsonArray a
                    ? String.join(
                        ",",
                        a.getValuesAs(jakarta.json.JsonString.class).stream()
                            .map(jakarta.json.JsonString::getString)
                            .toList())
                    : ((jakarta.json.JsonString) v).getString())
        .orElse(null);
  }

  private static int integer(String name, String value, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw ScimException.badRequest("invalidValue", name + " must be an integer");
    }
  }
}
