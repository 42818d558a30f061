package dev.rollcall.scim.schema;

import static dev.rollcall.scim.ScimJson.ENTERPRISE;
import static dev.rollcall.scim.ScimJson.GROUP;
import static dev.rollcall.scim.ScimJson.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.scim.filter.FilterParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaRegistryTest {

  private final SchemaRegistry registry = SchemaRegistry.builtIn();

  private ResolvedAttribute resolve(String path, ResourceKind kind) {
    return registry.resolve(FilterParser.parsePath(path), kind).orElseThrow();
  }

  @Test
  void resolvesCoreAttributesIgnoringCase() {
    ResolvedAttribute userName = resolve("USERNAME", ResourceKind.USER);
    assertEquals(USER, userName.schema().id());
    assertFalse(userName.extension());
    assertEquals("userName", userName.attribute().name());
    assertNull(userName.subAttribute());
    assertEquals("userName", userName.canonicalPath());
  }

  @Test
  void resolvesSubAttributes() {
    ResolvedAttribute given = resolve("name.GIVENNAME", ResourceKind.USER);
    assertEquals("name", given.attribute().name());
    assertEquals("givenName", given.target().name());
    assertEquals("name.givenName", given.canonicalPath());
    assertEquals("$ref", resolve("members.$ref", ResourceKind.GROUP).target().name());
  }

  @Test
  void resolvesUnqualifiedExtensionAttributesAfterTheCoreSchema() {
    ResolvedAttribute department = resolve("department", ResourceKind.USER);
    assertEquals(ENTERPRISE, department.schema().id());
    assertTrue(department.extension());
    assertEquals(ENTERPRISE + ":department", department.canonicalPath());
    // displayName is in the core schema, not taken from an extension
    assertEquals(USER, resolve("displayName", ResourceKind.USER).schema().id());
  }

  @Test
  void resolvesUrnQualifiedPaths() {
    ResolvedAttribute manager = resolve(ENTERPRISE + ":manager.value", ResourceKind.USER);
    assertEquals(ENTERPRISE, manager.schema().id());
    assertEquals("value", manager.target().name());
    assertEquals(
        "userName", resolve(USER.toLowerCase() + ":userName", ResourceKind.USER).target().name());
    assertEquals("meta", resolve(USER + ":meta", ResourceKind.USER).target().name());
  }

  @Test
  void resolvesCommonAttributes() {
    assertEquals("lastModified", resolve("meta.lastModified", ResourceKind.GROUP).target().name());
    assertEquals(Mutability.READ_ONLY, resolve("id", ResourceKind.GROUP).target().mutability());
    assertTrue(resolve("externalId", ResourceKind.GROUP).target().caseExact());
  }

  @Test
  void unknownNamesResolveToNothing() {
    for (String path :
        List.of("nickname2", "name.nickName", "userName.value", ENTERPRISE + ":userName")) {
      assertTrue(registry.resolve(FilterParser.parsePath(path), ResourceKind.USER).isEmpty(), path);
    }
    assertTrue(registry.resolve(FilterParser.parsePath("members"), ResourceKind.USER).isEmpty());
    assertTrue(
        registry
            .resolve(FilterParser.parsePath(GROUP + ":displayName"), ResourceKind.USER)
            .isEmpty());
    assertTrue(
        registry.resolve(FilterParser.parsePath("department"), ResourceKind.GROUP).isEmpty());
  }

  @Test
  void declaredExtensionsResolveAfterTheEnterpriseOne() {
    SchemaDefinition acme =
        new SchemaDefinition(
            "urn:acme:scim:User",
            "Acme",
            "",
            List.of(
                AttributeDefinition.builder("department", AttributeType.STRING).build(),
                AttributeDefinition.builder("badge", AttributeType.INTEGER).build()));
    SchemaRegistry withAcme = SchemaRegistry.withExtensions(List.of(acme));
    assertEquals(
        ENTERPRISE,
        withAcme
            .resolve(FilterParser.parsePath("department"), ResourceKind.USER)
            .orElseThrow()
            .schema()
            .id());
    assertEquals(
        "urn:acme:scim:User",
        withAcme
            .resolve(FilterParser.parsePath("urn:acme:scim:User:department"), ResourceKind.USER)
            .orElseThrow()
            .schema()
            .id());
    assertEquals(
        AttributeType.INTEGER,
        withAcme
            .resolve(FilterParser.parsePath("badge"), ResourceKind.USER)
            .orElseThrow()
            .target()
            .type());
    assertTrue(withAcme.extension("URN:ACME:SCIM:USER", ResourceKind.USER).isPresent());
    assertTrue(withAcme.extension("urn:acme:scim:User", ResourceKind.GROUP).isEmpty());
  }

  @Test
  void attributeDefinitionsRejectImpossibleShapes() {
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () -> AttributeDefinition.builder("name", AttributeType.COMPLEX).build());
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () ->
            AttributeDefinition.builder("outer", AttributeType.COMPLEX)
                .subAttributes(Schemas.META)
                .build());
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () -> AttributeDefinition.builder("1st", AttributeType.STRING).build());
    assertTrue(Schemas.USER.attribute("EMAILS").orElseThrow().subAttribute("Primary").isPresent());
  }
}
