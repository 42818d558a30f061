package dev.rollcall.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.domain.member.UserAttribute;
import dev.rollcall.it.Http.Fixture;
import dev.rollcall.it.Http.Organization;
import dev.rollcall.it.Http.Reply;
import dev.rollcall.scim.ScimJson;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * Every entry of the attribute table ({@link UserAttribute}) over HTTP: written and shown at its
 * path, filterable (ignoring case unless case-exact), sortable, listed in {@code /Schemas} with its
 * case-exactness, and refused with 400 {@code invalidValue} naming it when longer than its column.
 * An attribute added to the table is tested here without another line.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UserAttributesIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL base;
  Http http;
  Organization org;
  String token;

  @BeforeEach
  void organization() {
    http = Http.at(base);
    Fixture fixture = http.oktaFixture("Attributes", "admin@attributes.example");
    org = fixture.org();
    token = fixture.scimToken();
  }

  @Test
  void everyAttributeIsStoredShownFilteredSortedListedAndLimited() {
    List<Executable> checks = new ArrayList<>();
    for (UserAttribute attribute : UserAttribute.values()) {
      checks.add(() -> check(attribute));
    }
    assertAll(checks);
  }

  private void check(UserAttribute attribute) {
    String path = attribute.path();
    String prefix = "v" + attribute.ordinal() + "-";
    String first = create(attribute, value(attribute, prefix + "Ann"), prefix);
    String second = create(attribute, value(attribute, prefix + "Bea"), prefix);

    JsonObject shown = http.scim(org, token, "GET", "/Users/" + first, null).json();
    assertEquals(
        value(attribute, prefix + "Ann"), ScimJson.valueAt(shown, attribute), path + " shown");

    assertEquals(
        List.of(first),
        ids(filterPath(attribute) + " eq \"" + value(attribute, prefix + "Ann") + "\""),
        path + " eq");
    String upper = value(attribute, prefix + "Ann").toUpperCase(Locale.ROOT);
    boolean exact =
        attribute.match() == UserAttribute.Match.EXACT
            || attribute.match() == UserAttribute.Match.ID;
    assertEquals(
        exact ? List.of() : List.of(first),
        ids(filterPath(attribute) + " eq \"" + upper + "\""),
        path + " eq ignores case unless case-exact");

    String starts = filterPath(attribute) + " sw \"" + value(attribute, prefix) + "\"";
    assertEquals(List.of(first, second), ids(starts, "&sortBy=" + encode(filterPath(attribute))));
    assertEquals(
        List.of(second, first),
        ids(starts, "&sortBy=" + encode(filterPath(attribute)) + "&sortOrder=descending"),
        path + " sorted descending");

    JsonObject definition = schemaDefinition(attribute);
    assertEquals(
        attribute.match() == UserAttribute.Match.EXACT,
        definition.getBoolean("caseExact"),
        path + " caseExact in /Schemas");

    String tooLong = value(attribute, prefix + "x".repeat(attribute.maxLength()));
    Reply refused =
        http.scim(org, token, "POST", "/Users", body(attribute, tooLong, prefix + "Long"));
    assertEquals(400, refused.status(), path + " too long: " + refused.body());
    assertEquals("invalidValue", refused.json().getString("scimType"), refused.body());
    assertTrue(
        refused
            .json()
            .getString("detail")
            .contains(path + " must be at most " + attribute.maxLength()),
        refused.body());
  }

  /** A value of the attribute's kind: a URL for a URL, the text itself otherwise. */
  private static String value(UserAttribute attribute, String text) {
    return attribute.match() == UserAttribute.Match.URL ? "https://p.example/" + text : text;
  }

  /** The id of a new user holding {@code value} at the attribute's path. */
  private String create(UserAttribute attribute, String value, String prefix) {
    String userName = prefix + value.substring(value.length() - 3) + "@attributes.example";
    Reply created = http.scim(org, token, "POST", "/Users", body(attribute, value, userName));
    assertEquals(201, created.status(), attribute.path() + ": " + created.body());
    return created.json().getString("id");
  }

  private static String body(UserAttribute attribute, String value, String userName) {
    return ScimJson.userWith(attribute, value, userName).toString();
  }

  private static String filterPath(UserAttribute attribute) {
    return attribute.schema() == UserAttribute.Schema.ENTERPRISE
        ? ScimJson.ENTERPRISE + ":" + attribute.path()
        : attribute.path();
  }

  private List<String> ids(String filter) {
    return ids(filter, "");
  }

  private List<String> ids(String filter, String more) {
    Reply reply = http.scim(org, token, "GET", "/Users?filter=" + encode(filter) + more, null);
    assertEquals(200, reply.status(), filter + ": " + reply.body());
    return reply.json().getJsonArray("Resources").getValuesAs(JsonObject.class).stream()
        .map(user -> user.getString("id"))
        .toList();
  }

  private JsonObject schemaDefinition(UserAttribute attribute) {
    String urn =
        attribute.schema() == UserAttribute.Schema.ENTERPRISE ? ScimJson.ENTERPRISE : ScimJson.USER;
    Reply schema = http.scim(org, token, "GET", "/Schemas/" + urn, null);
    assertEquals(200, schema.status(), schema.body());
    List<JsonObject> attributes =
        schema.json().getJsonArray("attributes").getValuesAs(JsonObject.class);
    if (attribute.parent() != null) {
      attributes =
          named(attributes, attribute.parent())
              .getJsonArray("subAttributes")
              .getValuesAs(JsonObject.class);
    }
    return named(attributes, attribute.attributeName());
  }

  private static JsonObject named(List<JsonObject> attributes, String name) {
    return attributes.stream()
        .filter(a -> a.getString("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " is not in /Schemas"));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
