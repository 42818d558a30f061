package dev.rollcall.scim.resource;

import static dev.rollcall.json.JsonFactory.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;

/** RFC 7644 §3.4.2 ListResponse. */
final class ListResponse {
  static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

  private ListResponse() {}

  static JsonObject of(long total, int startIndex, List<JsonObject> resources) {
    JsonArrayBuilder items = JSON.createArrayBuilder();
    resources.forEach(items::add);
    return JSON.createObjectBuilder()
        .add("schemas", JSON.createArrayBuilder().add(SCHEMA))
        .add("totalResults", total)
        .add("startIndex", startIndex)
        .add("itemsPerPage", resources.size())
        .add("Resources", items)
        .build();
  }
}
