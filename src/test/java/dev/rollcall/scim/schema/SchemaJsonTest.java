package dev.rollcall.scim.schema;

import static dev.rollcall.scim.ScimJson.ENTERPRISE;
import static dev.rollcall.scim.ScimJson.GROUP;
import static dev.rollcall.scim.ScimJson.USER;
import static dev.rollcall.scim.ScimJson.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaJsonTest {

  private static final String BASE = "https://rollcall.example.com/scim/v2/org-1";

  private static JsonObject attribute(JsonObject schema, String name) {
    return schema.getJsonArray("attributes").getValuesAs(JsonObject.class).stream()
        .filter(a -> a.getString("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no attribute " + name));
  }

  private static JsonObject sub(JsonObject attribute, String name) {
    return attribute.getJsonArray("subAttributes").getValuesAs(JsonObject.class).stream()
        .filter(a -> a.getString("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no sub-attribute " + name));
  }

  private static JsonObject schema(JsonObject list, String id) {
    return list.getJsonArray("Resources").getValuesAs(JsonObject.class).stream()
        .filter(s -> s.getString("id").equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no schema " + id));
  }

  @Test
  void schemasEndpointIsAListResponseOfTheBuiltInSchemas() {
    JsonObject list = SchemaRegistry.builtIn().schemasJson(BASE);
    assertEquals(
        "urn:ietf:params:scim:api:messages:2.0:ListResponse",
        list.getJsonArray("schemas").getString(0));
    assertEquals(3, list.getInt("totalResults"));
    assertEquals(3, list.getInt("itemsPerPage"));
    assertEquals(1, list.getInt("startIndex"));
    List<String> ids =
        list.getJsonArray("Resources").getValuesAs(JsonObject.class).stream()
            .map(s -> s.getString("id"))
            .toList();
    assertEquals(List.of(USER, ENTERPRISE, GROUP), ids);
  }

  @Test
  void userSchemaFollowsRfc7643Section7() {
    JsonObject user = schema(SchemaRegistry.builtIn().schemasJson(BASE + "/"), USER);
    assertEquals(
        "urn:ietf:params:scim:schemas:core:2.0:Schema", user.getJsonArray("schemas").getString(0));
    assertEquals("User", user.getString("name"));
    assertEquals("Schema", user.getJsonObject("meta").getString("resourceType"));
    assertEquals(BASE + "/Schemas/" + USER, user.getJsonObject("meta").getString("location"));

    JsonObject userName = attribute(user, "userName");
    assertEquals("string", userName.getString("type"));
    assertTrue(userName.getBoolean("required"));
    assertFalse(userName.getBoolean("caseExact"));
    assertEquals("server", userName.getString("uniqueness"));
    assertEquals("readWrite", userName.getString("mutability"));
    assertEquals("default", userName.getString("returned"));
    assertFalse(userName.getBoolean("multiValued"));

    JsonObject password = attribute(user, "password");
    assertEquals("writeOnly", password.getString("mutability"));
    assertEquals("never", password.getString("returned"));

    JsonObject emails = attribute(user, "emails");
    assertEquals("complex", emails.getString("type"));
    assertTrue(emails.getBoolean("multiValued"));
    assertEquals(
        List.of("work", "home", "other"),
        sub(emails, "type").getJsonArray("canonicalValues").getValuesAs(JsonValue.class).stream()
            .map(v -> ((jakarta.json.JsonString) v).getString())
            .toList());
    assertEquals("boolean", sub(emails, "primary").getString("type"));
    assertTrue(
        sub(emails, "value").getBoolean("required"), "validation refuses emails without one");
    assertFalse(sub(attribute(user, "phoneNumbers"), "value").getBoolean("required"));

    JsonObject groups = attribute(user, "groups");
    assertEquals("readOnly", groups.getString("mutability"));
    JsonObject ref = sub(groups, "$ref");
    assertEquals("reference", ref.getString("type"));
    assertEquals(2, ref.getJsonArray("referenceTypes").size());

    JsonObject id = attribute(user, "id");
    assertEquals("readOnly", id.getString("mutability"));
    assertEquals("always", id.getString("returned"));
    assertTrue(id.getBoolean("caseExact"));
    assertTrue(attribute(user, "externalId").getBoolean("caseExact"));

    JsonObject name = attribute(user, "name");
    assertEquals(6, name.getJsonArray("subAttributes").size());
    for (String attribute :
        List.of("phoneNumbers", "addresses", "roles", "entitlements", "x509Certificates")) {
      assertTrue(attribute(user, attribute).getBoolean("multiValued"), attribute);
    }
    assertEquals("binary", sub(attribute(user, "x509Certificates"), "value").getString("type"));
  }

  @Test
  void coreUserSchemaHasRollcallsOrgadminFlag() {
    JsonObject user = schema(SchemaRegistry.builtIn().schemasJson(BASE), USER);
    JsonObject orgadmin = attribute(user, "orgadmin");
    assertEquals("boolean", orgadmin.getString("type"));
    assertEquals("readWrite", orgadmin.getString("mutability"));
    assertEquals("default", orgadmin.getString("returned"));
    assertFalse(orgadmin.getBoolean("required"));
    assertFalse(orgadmin.getBoolean("multiValued"));
  }

  @Test
  void groupAndEnterpriseSchemas() {
    JsonObject list = SchemaRegistry.builtIn().schemasJson(BASE);
    JsonObject group = schema(list, GROUP);
    assertTrue(attribute(group, "displayName").getBoolean("required"));
    JsonObject members = attribute(group, "members");
    assertTrue(members.getBoolean("multiValued"));
    assertEquals("immutable", sub(members, "value").getString("mutability"));
    assertTrue(sub(members, "value").getBoolean("required"));
    assertEquals(2, sub(members, "type").getJsonArray("canonicalValues").size()); // User, Group

    JsonObject enterprise = schema(list, ENTERPRISE);
    assertEquals("EnterpriseUser", enterprise.getString("name"));
    JsonObject manager = attribute(enterprise, "manager");
    assertEquals("readOnly", sub(manager, "displayName").getString("mutability"));
    assertEquals("User", sub(manager, "$ref").getJsonArray("referenceTypes").getString(0));
    for (String name :
        List.of("employeeNumber", "costCenter", "organization", "division", "department")) {
      assertEquals("string", attribute(enterprise, name).getString("type"));
    }
  }

  @Test
  void resourceTypesListUsersWithTheEnterpriseExtensionAndGroups() {
    JsonObject list = SchemaRegistry.builtIn().resourceTypesJson(BASE);
    assertEquals(2, list.getInt("totalResults"));
    JsonArray resources = list.getJsonArray("Resources");
    JsonObject user = resources.getJsonObject(0);
    assertEquals(
        "urn:ietf:params:scim:schemas:core:2.0:ResourceType",
        user.getJsonArray("schemas").getString(0));
    assertEquals("User", user.getString("id"));
    assertEquals("User", user.getString("name"));
    assertEquals("/Users", user.getString("endpoint"));
    assertEquals(USER, user.getString("schema"));
    JsonObject extension = user.getJsonArray("schemaExtensions").getJsonObject(0);
    assertEquals(ENTERPRISE, extension.getString("schema"));
    assertFalse(extension.getBoolean("required"));
    assertEquals("ResourceType", user.getJsonObject("meta").getString("resourceType"));
    assertEquals(BASE + "/ResourceTypes/User", user.getJsonObject("meta").getString("location"));

    JsonObject group = resources.getJsonObject(1);
    assertEquals("/Groups", group.getString("endpoint"));
    assertEquals(GROUP, group.getString("schema"));
    assertFalse(group.containsKey("schemaExtensions"));
  }

  @Test
  void serviceProviderConfig() {
    JsonObject config = new ServiceProviderConfig(true, 1000, 1_048_576, 200).toJson(BASE);
    assertEquals(
        "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig",
        config.getJsonArray("schemas").getString(0));
    assertTrue(config.getJsonObject("patch").getBoolean("supported"));
    assertTrue(config.getJsonObject("bulk").getBoolean("supported"));
    assertEquals(1000, config.getJsonObject("bulk").getInt("maxOperations"));
    assertEquals(1_048_576, config.getJsonObject("bulk").getInt("maxPayloadSize"));
    assertTrue(config.getJsonObject("filter").getBoolean("supported"));
    assertEquals(200, config.getJsonObject("filter").getInt("maxResults"));
    assertFalse(config.getJsonObject("changePassword").getBoolean("supported"));
    assertTrue(config.getJsonObject("sort").getBoolean("supported"));
    assertTrue(config.getJsonObject("etag").getBoolean("supported"));
    JsonObject scheme = config.getJsonArray("authenticationSchemes").getJsonObject(0);
    assertEquals("oauthbearertoken", scheme.getString("type"));
    assertEquals("OAuth Bearer Token", scheme.getString("name"));
    assertTrue(scheme.getBoolean("primary"));
    assertEquals(
        BASE + "/ServiceProviderConfig", config.getJsonObject("meta").getString("location"));
    assertThrows(IllegalArgumentException.class, () -> new ServiceProviderConfig(true, 0, 1, 1));
  }

  @Test
  void declaredExtensionsAreListedAndReadFromJson() {
    SchemaDefinition custom =
        SchemaDefinition.fromJson(
            object(
                "{'id': 'urn:acme:params:scim:schemas:extension:2.0:User', 'name': 'AcmeUser',"
                    + " 'attributes': [{'name': 'badge', 'type': 'integer'},"
                    + " {'name': 'clearance', 'type': 'string', 'returned': 'request'},"
                    + " {'name': 'desk', 'type': 'complex', 'subAttributes': ["
                    + "   {'name': 'building', 'type': 'string'}]}]}"));
    assertEquals(AttributeType.INTEGER, custom.attribute("BADGE").orElseThrow().type());
    assertEquals(Returned.REQUEST, custom.attribute("clearance").orElseThrow().returned());
    assertEquals(Mutability.READ_WRITE, custom.attribute("badge").orElseThrow().mutability());

    SchemaRegistry registry = SchemaRegistry.withExtensions(List.of(custom));
    JsonObject list = registry.schemasJson(BASE);
    assertEquals(4, list.getInt("totalResults"));
    JsonObject rendered = schema(list, custom.id());
    assertEquals(custom, SchemaDefinition.fromJson(rendered));

    JsonArray extensions =
        registry
            .resourceTypesJson(BASE)
            .getJsonArray("Resources")
            .getJsonObject(0)
            .getJsonArray("schemaExtensions");
    assertEquals(2, extensions.size());
    assertEquals(custom.id(), extensions.getJsonObject(1).getString("schema"));
  }

  @Test
  void badDeclaredSchemasAreRefusedWithTheAttributeNamed() {
    IllegalArgumentException unknownType =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SchemaDefinition.fromJson(
                    object(
                        "{'id': 'urn:acme:ext:User', 'attributes': [{'name': 'badge', 'type':"
                            + " 'number'}]}")));
    assertTrue(unknownType.getMessage().contains("badge"), unknownType.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> SchemaDefinition.fromJson(object("{'id': 'not-a-urn', 'attributes': []}")));
    SchemaDefinition clash = new SchemaDefinition(ENTERPRISE, "x", "", List.of());
    assertThrows(
        IllegalArgumentException.class, () -> SchemaRegistry.withExtensions(List.of(clash)));
  }
}
