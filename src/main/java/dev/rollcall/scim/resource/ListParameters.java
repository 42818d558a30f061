package dev.rollcall.scim.resource;

import jakarta.ws.rs.QueryParam;

/** The query parameters of {@code GET /Users} and {@code GET /Groups} (RFC 7644 §3.4.2). */
public class ListParameters {
  @QueryParam("filter")
  String filter;

  @QueryParam("sortBy")
  String sortBy;

  @QueryParam("sortOrder")
  String sortOrder;

  @QueryParam("startIndex")
  String startIndex;

  @QueryParam("count")
  String count;

  @QueryParam("attributes")
  String attributes;

  @QueryParam("excludedAttributes")
  String excludedAttributes;

  ListQuery toQuery() {
    return ListQuery.of(
        filter, sortBy, sortOrder, startIndex, count, attributes, excludedAttributes);
  }
}
