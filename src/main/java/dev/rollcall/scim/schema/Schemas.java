package dev.rollcall.scim.schema;

import static dev.rollcall.scim.schema.AttributeType.BINARY;
import static dev.rollcall.scim.schema.AttributeType.BOOLEAN;
import static dev.rollcall.scim.schema.AttributeType.COMPLEX;
import static dev.rollcall.scim.schema.AttributeType.DATE_TIME;
import static dev.rollcall.scim.schema.AttributeType.REFERENCE;
import static dev.rollcall.scim.schema.AttributeType.STRING;

import dev.rollcall.domain.member.UserAttribute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schemas Rollcall serves whatever an organization declares: core User and Group (RFC 7643 §4,
 * §8.7.1), the enterprise User extension (§4.3, §8.7.1) and the common attributes (§3.1), plus the
 * URNs of SCIM's message and discovery schemas.
 *
 * <p>Three choices differ from RFC 7643's own listing:
 *
 * <ul>
 *   <li>the core schemas list the common attributes {@code id} and {@code externalId} (§3.1 allows
 *       it), so clients that read {@code /Schemas} see them; {@code meta} stays a common attribute
 *       only ({@link #META});
 *   <li>the core User schema has Rollcall's boolean {@code orgadmin}, which grants or revokes the
 *       built-in orgadmin role; and Group {@code displayName} is unique per organization, because a
 *       group becomes a role of the same name;
 *   <li>{@code emails.value} and {@code members.value} are required: an email without an address or
 *       a member without an id means nothing, and POST and PUT bodies are validated against these
 *       definitions.
 * </ul>
 */
public final class Schemas {

  public static final String USER_URN = "urn:ietf:params:scim:schemas:core:2.0:User";
  public static final String GROUP_URN = "urn:ietf:params:scim:schemas:core:2.0:Group";
  public static final String ENTERPRISE_USER_URN =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  public static final String SCHEMA_URN = "urn:ietf:params:scim:schemas:core:2.0:Schema";
  public static final String RESOURCE_TYPE_URN =
      "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
  public static final String SERVICE_PROVIDER_CONFIG_URN =
      "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
  public static final String LIST_RESPONSE_URN =
      "urn:ietf:params:scim:api:messages:2.0:ListResponse";
  public static final String PATCH_OP_URN = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  public static final String ERROR_URN = "urn:ietf:params:scim:api:messages:2.0:Error";

  /** The name of the attribute that lists a resource's schema URNs. */
  public static final String SCHEMAS_ATTRIBUTE = "schemas";

  // ---- common attributes (RFC 7643 §3.1) ----

  public static final AttributeDefinition ID =
      AttributeDefinition.builder("id", STRING)
          .description("The service provider's unique, stable identifier of the resource.")
          .caseExact()
          .readOnly()
          .returned(Returned.ALWAYS)
          .uniqueness(Uniqueness.SERVER)
          .build();

  public static final AttributeDefinition EXTERNAL_ID =
      AttributeDefinition.builder("externalId", STRING)
          .description("The identifier the provisioning client gives the resource.")
          .caseExact()
          .build();

  public static final AttributeDefinition META =
      AttributeDefinition.builder("meta", COMPLEX)
          .description("Resource metadata maintained by the service provider.")
          .readOnly()
          .subAttributes(
              readOnlyString("resourceType", "The resource type's name.", true),
              AttributeDefinition.builder("created", DATE_TIME)
                  .description("When the resource was added.")
                  .readOnly()
                  .build(),
              AttributeDefinition.builder("lastModified", DATE_TIME)
                  .description("When the resource was last changed.")
                  .readOnly()
                  .build(),
              AttributeDefinition.builder("location", REFERENCE)
                  .description("The URI of the resource.")
                  .caseExact()
                  .readOnly()
                  .referenceTypes("uri")
                  .build(),
              readOnlyString("version", "The resource's version, as its ETag carries it.", true))
          .build();

  /** The common attributes every resource has: {@code id}, {@code externalId}, {@code meta}. */
  public static final List<AttributeDefinition> COMMON_ATTRIBUTES = List.of(ID, EXTERNAL_ID, META);

  /**
   * The complex attributes {@link UserAttribute}'s entries are sub-attributes of: their
   * description, and the sub-attributes only SCIM has (the manager's {@code $ref}). Declared before
   * the schemas, whose initializers read it.
   */
  private record Complex(String description, List<AttributeDefinition> scimOnly) {}

  private static final Map<String, Complex> COMPLEX_PARENTS =
      Map.of(
          "name",
          new Complex("The components of the user's real name.", List.of()),
          "manager",
          new Complex(
              "The user's manager.",
              List.of(
                  AttributeDefinition.builder("$ref", REFERENCE)
                      .description("The URI of the manager.")
                      .referenceTypes("User")
                      .build(),
                  readOnlyString("displayName", "The manager's display name.", false))));

  // ---- core User (RFC 7643 §4.1) ----

  public static final SchemaDefinition USER =
      new SchemaDefinition(
          USER_URN,
          "User",
          "User Account",
          concat(
              List.of(ID),
              described(UserAttribute.Schema.CORE),
              List.of(
                  AttributeDefinition.builder("active", BOOLEAN)
                      .description("Whether the user may sign in.")
                      .build(),
                  AttributeDefinition.builder("password", STRING)
                      .description("The user's clear-text password; never returned.")
                      .mutability(Mutability.WRITE_ONLY)
                      .returned(Returned.NEVER)
                      .build(),
                  withRequiredValue(
                      multiValuedValues(
                          "emails",
                          "Email addresses of the user.",
                          STRING,
                          "The email address.",
                          "work",
                          "home",
                          "other")),
                  multiValuedValues(
                      "phoneNumbers",
                      "Phone numbers of the user.",
                      STRING,
                      "The phone number.",
                      "work",
                      "home",
                      "mobile",
                      "fax",
                      "pager",
                      "other"),
                  multiValuedValues(
                      "ims",
                      "Instant messaging addresses of the user.",
                      STRING,
                      "The instant messaging address.",
                      "aim",
                      "gtalk",
                      "icq",
                      "xmpp",
                      "msn",
                      "skype",
                      "qq",
                      "yahoo"),
                  multiValuedValues(
                      "photos",
                      "URLs of photos of the user.",
                      REFERENCE,
                      "The URL of the photo.",
                      "photo",
                      "thumbnail"),
                  AttributeDefinition.builder("addresses", COMPLEX)
                      .multiValued()
                      .description("Physical mailing addresses of the user.")
                      .subAttributes(
                          string("formatted", "The full address, formatted for display."),
                          string("streetAddress", "The street address."),
                          string("locality", "The city or locality."),
                          string("region", "The state or region."),
                          string("postalCode", "The postal code."),
                          string("country", "The country, as an ISO 3166-1 alpha-2 code."),
                          AttributeDefinition.builder("type", STRING)
                              .description("The kind of address.")
                              .canonicalValues("work", "home", "other")
                              .build(),
                          primary())
                      .build(),
                  AttributeDefinition.builder("groups", COMPLEX)
                      .multiValued()
                      .description("The groups the user belongs to; changed through the groups.")
                      .readOnly()
                      .subAttributes(
                          readOnlyString("value", "The group's id.", false),
                          AttributeDefinition.builder("$ref", REFERENCE)
                              .description("The URI of the group.")
                              .readOnly()
                              .referenceTypes("User", "Group")
                              .build(),
                          readOnlyString("display", "The group's display name.", false),
                          AttributeDefinition.builder("type", STRING)
                              .description("Whether the membership is direct or through a group.")
                              .readOnly()
                              .canonicalValues("direct", "indirect")
                              .build())
                      .build(),
                  multiValuedValues(
                      "entitlements", "Entitlements of the user.", STRING, "The entitlement."),
                  multiValuedValues("roles", "Roles of the user.", STRING, "The role."),
                  multiValuedValues(
                      "x509Certificates",
                      "X.509 certificates of the user.",
                      BINARY,
                      "The DER-encoded certificate, in base64."),
                  AttributeDefinition.builder("orgadmin", BOOLEAN)
                      .description(
                          "Rollcall: true grants the user the built-in orgadmin role, false revokes"
                              + " it.")
                      .build())));

  // ---- core Group (RFC 7643 §4.2) ----

  public static final SchemaDefinition GROUP =
      new SchemaDefinition(
          GROUP_URN,
          "Group",
          "Group",
          List.of(
              ID,
              EXTERNAL_ID,
              AttributeDefinition.builder("displayName", STRING)
                  .description(
                      "The group's name, unique in the organization; it names the role the group"
                          + " becomes.")
                  .required()
                  .uniqueness(Uniqueness.SERVER)
                  .build(),
              AttributeDefinition.builder("members", COMPLEX)
                  .multiValued()
                  .description("The members of the group.")
                  .subAttributes(
                      AttributeDefinition.builder("value", STRING)
                          .description("The member's id.")
                          .required()
                          .immutable()
                          .build(),
                      AttributeDefinition.builder("$ref", REFERENCE)
                          .description("The URI of the member.")
                          .immutable()
                          .referenceTypes("User", "Group")
                          .build(),
                      readOnlyString("display", "The member's display name.", false),
                      AttributeDefinition.builder("type", STRING)
                          .description("The kind of member.")
                          .immutable()
                          .canonicalValues("User", "Group")
                          .build())
                  .build()));

  // ---- enterprise User extension (RFC 7643 §4.3) ----

  public static final SchemaDefinition ENTERPRISE_USER =
      new SchemaDefinition(
          ENTERPRISE_USER_URN,
          "EnterpriseUser",
          "Enterprise User",
          described(UserAttribute.Schema.ENTERPRISE));

  /**
   * The attributes of {@code schema} that {@link UserAttribute} describes, in its order: a
   * sub-attribute joins its complex attribute, which stands where its first sub-attribute does.
   */
  private static List<AttributeDefinition> described(UserAttribute.Schema schema) {
    Map<String, List<AttributeDefinition>> children = new LinkedHashMap<>();
    List<String> order = new ArrayList<>();
    for (UserAttribute attribute : UserAttribute.values()) {
      if (attribute.schema() != schema) {
        continue;
      }
      String top = attribute.parent() == null ? attribute.path() : attribute.parent();
      if (!children.containsKey(top)) {
        order.add(top);
        children.put(top, new ArrayList<>());
      }
      children.get(top).add(definition(attribute));
    }
    List<AttributeDefinition> attributes = new ArrayList<>();
    for (String top : order) {
      Complex parent = COMPLEX_PARENTS.get(top);
      if (parent == null) {
        attributes.addAll(children.get(top));
        continue;
      }
      List<AttributeDefinition> subs = new ArrayList<>(children.get(top));
      subs.addAll(parent.scimOnly());
      attributes.add(
          AttributeDefinition.builder(top, COMPLEX)
              .description(parent.description())
              .subAttributes(subs)
              .build());
    }
    return attributes;
  }

  /** The schema's definition of a {@link UserAttribute}: a string, or a URL's reference. */
  private static AttributeDefinition definition(UserAttribute attribute) {
    boolean url = attribute.match() == UserAttribute.Match.URL;
    AttributeDefinition.Builder definition =
        AttributeDefinition.builder(attribute.attributeName(), url ? REFERENCE : STRING)
            .description(attribute.description())
            .caseExact(attribute.match() == UserAttribute.Match.EXACT);
    if (url) {
      definition.referenceTypes("external");
    }
    if (attribute == UserAttribute.USER_NAME) {
      // the one attribute a user must have, unique in the organization
      definition.required().uniqueness(Uniqueness.SERVER);
    }
    return definition.build();
  }

  @SafeVarargs
  private static List<AttributeDefinition> concat(List<AttributeDefinition>... parts) {
    List<AttributeDefinition> all = new ArrayList<>();
    for (List<AttributeDefinition> part : parts) {
      all.addAll(part);
    }
    return all;
  }

  private Schemas() {}

  /** {@code base + path}, without a doubled '/' when the base ends with one. */
  static String location(String base, String path) {
    String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    return trimmed + path;
  }

  private static AttributeDefinition string(String name, String description) {
    return AttributeDefinition.builder(name, STRING).description(description).build();
  }

  private static AttributeDefinition readOnlyString(
      String name, String description, boolean caseExact) {
    return AttributeDefinition.builder(name, STRING)
        .description(description)
        .caseExact(caseExact)
        .readOnly()
        .build();
  }

  private static AttributeDefinition primary() {
    return AttributeDefinition.builder("primary", BOOLEAN)
        .description("Whether this is the primary value; at most one value is.")
        .build();
  }

  /** {@code attribute} with its {@code value} sub-attribute required. */
  private static AttributeDefinition withRequiredValue(AttributeDefinition attribute) {
    return attribute.toBuilder()
        .subAttributes(
            attribute.subAttributes().stream()
                .map(sub -> sub.nameMatches("value") ? sub.toBuilder().required().build() : sub)
                .toList())
        .build();
  }

  /**
   * A multi-valued complex attribute with {@code value}, {@code display}, {@code type}, {@code
   * primary}.
   */
  private static AttributeDefinition multiValuedValues(
      String name,
      String description,
      AttributeType valueType,
      String valueDescription,
      String... types) {
    AttributeDefinition.Builder value =
        AttributeDefinition.builder("value", valueType).description(valueDescription);
    if (valueType == REFERENCE) {
      value.referenceTypes("external");
    }
    return AttributeDefinition.builder(name, COMPLEX)
        .multiValued()
        .description(description)
        .subAttributes(
            value.build(),
            string("display", "A human-readable name for the value."),
            AttributeDefinition.builder("type", STRING)
                .description("A label for the value's function.")
                .canonicalValues(types)
                .build(),
            primary())
        .build();
  }
}
