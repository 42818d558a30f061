package dev.rollcall.scim.patch;

import static dev.rollcall.scim.ScimJson.GROUP;
import static dev.rollcall.scim.ScimJson.USER;
import static dev.rollcall.scim.ScimJson.object;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;

/** Resources the PATCH tests start from. */
final class Fixtures {

  private Fixtures() {}

  static JsonObject user() {
    return object(
        "{'schemas': ['"
            + USER
            + "'], 'id': '2819c223', 'externalId': 'bjensen', 'userName': 'bjensen@example.com',"
            + " 'name': {'givenName': 'Barbara', 'familyName': 'Jensen'},"
            + " 'displayName': 'Babs Jensen', 'active': true,"
            + " 'emails': [{'value': 'bjensen@example.com', 'type': 'work', 'primary': true},"
            + "            {'value': 'babs@home.example', 'type': 'home'}],"
            + " 'groups': [{'value': 'g1', 'display': 'Engineering'}],"
            + " 'meta': {'resourceType': 'User', 'created': '2024-01-01T00:00:00Z',"
            + "          'location': 'https://rollcall.example.com/scim/v2/o/Users/2819c223'}}");
  }

  static JsonObject group() {
    return object(
        "{'schemas': ['"
            + GROUP
            + "'], 'id': 'g1', 'displayName': 'Engineering',"
            + " 'members': [{'value': 'u1', 'display': 'Ann', 'type': 'User'},"
            + "             {'value': 'u2', 'display': 'Bob', 'type': 'User'},"
            + "             {'value': 'u3', 'type': 'User'}],"
            + " 'meta': {'resourceType': 'Group'}}");
  }

  /** The {@code value}s of a multi-valued attribute, in order. */
  static List<String> values(JsonObject resource, String attribute) {
    return resource.getJsonArray(attribute).getValuesAs(JsonObject.class).stream()
        .map(o -> o.getString("value"))
        .toList();
  }

  /** The element of {@code attribute} whose {@code value} is {@code value}. */
  static JsonObject element(JsonObject resource, String attribute, String value) {
    return resource.getJsonArray(attribute).getValuesAs(JsonObject.class).stream()
        .filter(o -> o.getString("value").equals(value))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + attribute + " value " + value));
  }

  static List<String> schemas(JsonObject resource) {
    return resource.getJsonArray("schemas").getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }

  static boolean isTrue(JsonObject object, String name) {
    return object.get(name) == JsonValue.TRUE;
  }
}
