package dev.rollcall.scim.resource;

import static dev.rollcall.json.JsonFactory.JSON;

import dev.rollcall.application.UserProvisioning.ProvisionedUser;
import dev.rollcall.domain.member.CustomAttribute;
import dev.rollcall.domain.member.Email;
import dev.rollcall.domain.member.Member;
import dev.rollcall.domain.member.Profile;
import dev.rollcall.domain.member.UserAttribute;
import dev.rollcall.domain.member.UserAttribute.Schema;
import dev.rollcall.domain.role.GrantRepository.GroupRef;
import dev.rollcall.scim.schema.AttributeDefinition;
import dev.rollcall.scim.schema.ResourceKind;
import dev.rollcall.scim.schema.SchemaDefinition;
import dev.rollcall.scim.schema.SchemaRegistry;
import dev.rollcall.scim.schema.Schemas;
import dev.rollcall.scim.validation.ResourceValidator;
import dev.rollcall.scim.validation.ScimValidationException;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The SCIM User representation of a member, and the {@link Profile} a request body describes.
 * Request bodies are checked and cleaned by {@link ResourceValidator} first (types, required
 * attributes, read-only and write-only attributes such as {@code id}, {@code groups} and {@code
 * password} dropped, unknown attributes ignored), so reading them here needs no checks of its own.
 */
public final class UserRepresentation {
  public static final String USER_SCHEMA = Schemas.USER_URN;
  public static final String ENTERPRISE_SCHEMA = Schemas.ENTERPRISE_USER_URN;

  /** Core attributes stored as they come (JSON) rather than as columns. */
  static final Set<String> STORED_AS_JSON =
      Set.of(
          "phoneNumbers",
          "ims",
          "photos",
          "addresses",
          "entitlements",
          "roles",
          "x509Certificates");

  private UserRepresentation() {}

  /**
   * Reads a POST body against the built-in schemas; see {@link #toProfile(JsonObject,
   * SchemaRegistry)}.
   */
  public static Profile toProfile(JsonObject body) {
    return toProfile(body, SchemaRegistry.builtIn());
  }

  /**
   * Reads a POST body, or a representation a PATCH produced: {@link ResourceValidator} checks and
   * cleans it against the organization's schemas, then {@link #fromValidated} reads it.
   *
   * @throws ScimValidationException naming the attribute that does not fit the schemas
   */
  public static Profile toProfile(JsonObject body, SchemaRegistry registry) {
    return fromValidated(
        ResourceValidator.validateForCreate(body, registry, ResourceKind.USER), registry);
  }

  /** {@link #fromValidated(JsonObject, SchemaRegistry)} for the built-in schemas only. */
  public static Profile fromValidated(JsonObject user) {
    return fromValidated(user, SchemaRegistry.builtIn());
  }

  /**
   * The profile a body {@link ResourceValidator} has cleaned describes: names are spelled as the
   * schemas spell them and values have their attributes' types, so nothing is checked again here
   * except what storage limits. {@code active} defaults to true; {@code orgadmin} is empty when the
   * body leaves it out.
   */
  public static Profile fromValidated(JsonObject user, SchemaRegistry registry) {
    Map<UserAttribute, String> attributes = new EnumMap<>(UserAttribute.class);
    for (UserAttribute attribute : UserAttribute.values()) {
      JsonObject holder =
          attribute.schema() == Schema.ENTERPRISE ? object(user, ENTERPRISE_SCHEMA) : user;
      if (attribute.parent() != null) {
        holder = object(holder, attribute.parent());
      }
      attributes.put(attribute, text(holder, attribute.attributeName()));
    }
    return new Profile(
        attributes,
        user.getBoolean("active", true),
        emails(user),
        otherAttributes(user),
        user.containsKey("orgadmin") ? Optional.of(user.getBoolean("orgadmin")) : Optional.empty(),
        customAttributes(user, registry));
  }

  /**
   * A PUT body that does not mention {@code emails} keeps the member's emails (a member made by a
   * statement, or by another integration, has one this identity provider may not know); {@code
   * "emails": []} or {@code null} removes them. Used for members the calling integration does not
   * manage yet.
   */
  public static JsonObject keepingEmails(JsonObject replacement, JsonObject current) {
    boolean mentioned = replacement.keySet().stream().anyMatch("emails"::equalsIgnoreCase);
    if (mentioned || !current.containsKey("emails")) {
      return replacement;
    }
    return JSON.createObjectBuilder(replacement).add("emails", current.get("emails")).build();
  }

  /** Values of the organization's declared extension schemas, typed as the schema declares. */
  private static List<CustomAttribute> customAttributes(JsonObject user, SchemaRegistry registry) {
    List<CustomAttribute> values = new ArrayList<>();
    for (SchemaDefinition extension : registry.extensions(ResourceKind.USER)) {
      if (extension.id().equals(ENTERPRISE_SCHEMA)) {
        continue;
      }
      JsonObject object = object(user, extension.id());
      for (AttributeDefinition attribute : extension.attributes()) {
        JsonValue value = object.get(attribute.name());
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
          continue;
        }
        String urn = extension.id();
        String name = attribute.name();
        values.add(
            switch (attribute.type()) {
              case BOOLEAN -> CustomAttribute.flag(urn, name, value == JsonValue.TRUE);
              case INTEGER, DECIMAL ->
                  CustomAttribute.number(urn, name, ((JsonNumber) value).bigDecimalValue());
              case DATE_TIME ->
                  CustomAttribute.time(urn, name, Instant.parse(((JsonString) value).getString()));
              default -> {
                // its length is checked with the rest of the profile (Profile#requireFits)
                yield CustomAttribute.text(urn, name, ((JsonString) value).getString());
              }
            });
      }
    }
    return values;
  }

  private static JsonValue customValue(CustomAttribute value) {
    if (value.flag() != null) {
      return value.flag() ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (value.number() != null) {
      return JSON.createValue(value.number());
    }
    if (value.time() != null) {
      return JSON.createValue(value.time().toString());
    }
    return JSON.createValue(value.text());
  }

  private static List<Email> emails(JsonObject user) {
    List<Email> emails = new ArrayList<>();
    for (JsonObject email : values(user, "emails")) {
      String address = email.getString("value");
      emails.add(
          new Email(
              address,
              text(email, "type"),
              text(email, "display"),
              email.getBoolean("primary", false)));
    }
    return emails;
  }

  private static String otherAttributes(JsonObject user) {
    JsonObjectBuilder other = JSON.createObjectBuilder();
    STORED_AS_JSON.stream()
        .filter(user::containsKey)
        .sorted()
        .forEach(name -> other.add(name, user.get(name)));
    JsonObject json = other.build();
    return json.isEmpty() ? null : json.toString();
  }

  private static String text(JsonObject object, String name) {
    return object.getString(name, null);
  }

  private static JsonObject object(JsonObject object, String name) {
    return object.get(name) instanceof JsonObject value ? value : JsonValue.EMPTY_JSON_OBJECT;
  }

  private static List<JsonObject> values(JsonObject object, String name) {
    return object.get(name) instanceof JsonArray array
        ? array.getValuesAs(JsonObject.class)
        : List.of();
  }

  /**
   * The full representation, with the values of the extension schemas {@code registry} declares
   * (values of an extension no integration declares any more stay stored but are not shown). It
   * holds only attributes returned by default, so the default projection leaves it as it is.
   */
  public static JsonObject toJson(ProvisionedUser user, String scimBase, SchemaRegistry registry) {
    Member member = user.member();
    JsonObject enterprise = attributes(member, Schema.ENTERPRISE, scimBase);
    JsonArrayBuilder schemas = JSON.createArrayBuilder().add(USER_SCHEMA);
    if (!enterprise.isEmpty()) {
      schemas.add(ENTERPRISE_SCHEMA);
    }
    java.util.Map<String, JsonObjectBuilder> extensions = new java.util.TreeMap<>();
    for (CustomAttribute value : user.customAttributes()) {
      if (registry.extension(value.schema(), ResourceKind.USER).isEmpty()) {
        continue;
      }
      extensions
          .computeIfAbsent(value.schema(), urn -> JSON.createObjectBuilder())
          .add(value.name(), customValue(value));
    }
    extensions.keySet().forEach(schemas::add);
    JsonObjectBuilder json =
        JSON.createObjectBuilder().add("schemas", schemas).add("id", member.id());
    attributes(member, Schema.CORE, scimBase).forEach(json::add);
    json.add("active", member.active());
    if (!user.emails().isEmpty()) {
      JsonArrayBuilder emails = JSON.createArrayBuilder();
      for (Email email : user.emails()) {
        JsonObjectBuilder e = JSON.createObjectBuilder().add("value", email.value());
        put(e, "type", email.type());
        put(e, "display", email.display());
        e.add("primary", email.primary());
        emails.add(e);
      }
      json.add("emails", emails);
    }
    member
        .otherAttributes()
        .map(text -> JSON.createReader(new StringReader(text)).readObject())
        .ifPresent(other -> other.forEach(json::add));
    json.add("orgadmin", user.orgadmin());
    if (!user.groups().isEmpty()) {
      JsonArrayBuilder groups = JSON.createArrayBuilder();
      for (GroupRef group : user.groups()) {
        groups.add(
            JSON.createObjectBuilder()
                .add("value", group.id())
                .add("$ref", scimBase + "/Groups/" + group.id())
                .add("display", group.name())
                .add("type", "direct"));
      }
      json.add("groups", groups);
    }
    if (!enterprise.isEmpty()) {
      json.add(ENTERPRISE_SCHEMA, enterprise);
    }
    extensions.forEach(json::add);
    json.add(
        "meta",
        Meta.of(
            "User",
            member.createdAt(),
            member.updatedAt(),
            member.version(),
            scimBase + "/Users/" + member.id()));
    return json.build();
  }

  /**
   * The member's values of {@code schema}'s {@link UserAttribute}s that are set, in the table's
   * order, sub-attributes inside their complex attribute; the manager carries its {@code $ref}.
   */
  private static JsonObject attributes(Member member, Schema schema, String scimBase) {
    Map<String, JsonObjectBuilder> complex = new LinkedHashMap<>();
    Map<String, Object> values = new LinkedHashMap<>();
    for (UserAttribute attribute : UserAttribute.values()) {
      String value = attribute.schema() == schema ? attribute.of(member) : null;
      if (value == null) {
        continue;
      }
      if (attribute.parent() == null) {
        values.put(attribute.attributeName(), value);
        continue;
      }
      JsonObjectBuilder parent =
          complex.computeIfAbsent(attribute.parent(), name -> JSON.createObjectBuilder());
      values.putIfAbsent(attribute.parent(), parent);
      parent.add(attribute.attributeName(), value);
      if (attribute == UserAttribute.MANAGER) {
        parent.add("$ref", scimBase + "/Users/" + value);
      }
    }
    JsonObjectBuilder json = JSON.createObjectBuilder();
    values.forEach(
        (name, value) -> {
          if (value instanceof JsonObjectBuilder object) {
            json.add(name, object);
          } else {
            json.add(name, (String) value);
          }
        });
    return json.build();
  }

  private static void put(JsonObjectBuilder json, String name, String value) {
    if (value != null) {
      json.add(name, value);
    }
  }
}
