package dev.rollcall.domain.member;

import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The single-valued text attributes of a member, each described once: its path in the SCIM schema
 * that defines it, the longest value its column holds, how values compare, the {@link Member} field
 * searches and sorts read, and how the member keeps it. Search ({@code ScimSearch}), the length
 * check ({@link Profile#requireFits}), the SCIM representation and {@code /Schemas} all read this
 * table, so adding such an attribute is one entry, its field on {@link Member} and a changeset.
 */
public enum UserAttribute {
  EXTERNAL_ID(
      Schema.CORE,
      "externalId",
      255,
      Match.EXACT,
      "externalId",
      "The identifier the provisioning client gives the resource.",
      m -> m.externalId,
      (m, v) -> m.externalId = v),
  USER_NAME(
      Schema.CORE,
      "userName",
      Member.USER_NAME_LENGTH,
      Match.KEY,
      "userNameKey",
      "The user's unique identifier for signing in, compared without regard to case.",
      m -> m.userName,
      (m, v) -> {
        m.userName = v;
        m.userNameKey = Member.key(v);
      }),
  NAME_FORMATTED(
      Schema.CORE,
      "name.formatted",
      512,
      Match.TEXT,
      "formattedName",
      "The full name, formatted for display.",
      m -> m.formattedName,
      (m, v) -> m.formattedName = v),
  FAMILY_NAME(
      Schema.CORE,
      "name.familyName",
      255,
      Match.TEXT,
      "familyName",
      "The family (last) name.",
      m -> m.familyName,
      (m, v) -> m.familyName = v),
  GIVEN_NAME(
      Schema.CORE,
      "name.givenName",
      255,
      Match.TEXT,
      "givenName",
      "The given (first) name.",
      m -> m.givenName,
      (m, v) -> m.givenName = v),
  MIDDLE_NAME(
      Schema.CORE,
      "name.middleName",
      255,
      Match.TEXT,
      "middleName",
      "The middle name(s).",
      m -> m.middleName,
      (m, v) -> m.middleName = v),
  HONORIFIC_PREFIX(
      Schema.CORE,
      "name.honorificPrefix",
      64,
      Match.TEXT,
      "honorificPrefix",
      "Honorific prefix(es), e.g. 'Ms.'.",
      m -> m.honorificPrefix,
      (m, v) -> m.honorificPrefix = v),
  HONORIFIC_SUFFIX(
      Schema.CORE,
      "name.honorificSuffix",
      64,
      Match.TEXT,
      "honorificSuffix",
      "Honorific suffix(es), e.g. 'III'.",
      m -> m.honorificSuffix,
      (m, v) -> m.honorificSuffix = v),
  DISPLAY_NAME(
      Schema.CORE,
      "displayName",
      255,
      Match.KEY,
      "displayNameKey",
      "The name shown to end users.",
      m -> m.displayName,
      (m, v) -> {
        m.displayName = v;
        m.displayNameKey = Member.key(v);
      }),
  NICK_NAME(
      Schema.CORE,
      "nickName",
      255,
      Match.TEXT,
      "nickName",
      "The casual name of the user.",
      m -> m.nickName,
      (m, v) -> m.nickName = v),
  PROFILE_URL(
      Schema.CORE,
      "profileUrl",
      1024,
      Match.URL,
      "profileUrl",
      "A URI of the user's online profile.",
      m -> m.profileUrl,
      (m, v) -> m.profileUrl = v),
  TITLE(
      Schema.CORE,
      "title",
      255,
      Match.TEXT,
      "title",
      "The user's title, e.g. 'Vice President'.",
      m -> m.title,
      (m, v) -> m.title = v),
  USER_TYPE(
      Schema.CORE,
      "userType",
      255,
      Match.TEXT,
      "userType",
      "The relationship to the organization, e.g. 'Employee'.",
      m -> m.userType,
      (m, v) -> m.userType = v),
  PREFERRED_LANGUAGE(
      Schema.CORE,
      "preferredLanguage",
      64,
      Match.TEXT,
      "preferredLanguage",
      "The preferred written or spoken language.",
      m -> m.preferredLanguage,
      (m, v) -> m.preferredLanguage = v),
  LOCALE(
      Schema.CORE,
      "locale",
      64,
      Match.TEXT,
      "locale",
      "The default location, for localizing.",
      m -> m.locale,
      (m, v) -> m.locale = v),
  TIMEZONE(
      Schema.CORE,
      "timezone",
      64,
      Match.TEXT,
      "timezone",
      "The time zone, in IANA format, e.g. 'Europe/Paris'.",
      m -> m.timezone,
      (m, v) -> m.timezone = v),
  EMPLOYEE_NUMBER(
      Schema.ENTERPRISE,
      "employeeNumber",
      255,
      Match.TEXT,
      "employeeNumber",
      "The identifier the organization assigns the user.",
      m -> m.employeeNumber,
      (m, v) -> m.employeeNumber = v),
  COST_CENTER(
      Schema.ENTERPRISE,
      "costCenter",
      255,
      Match.TEXT,
      "costCenter",
      "The cost center.",
      m -> m.costCenter,
      (m, v) -> m.costCenter = v),
  ORGANIZATION(
      Schema.ENTERPRISE,
      "organization",
      255,
      Match.TEXT,
      "organization",
      "The organization.",
      m -> m.organization,
      (m, v) -> m.organization = v),
  DIVISION(
      Schema.ENTERPRISE,
      "division",
      255,
      Match.TEXT,
      "division",
      "The division.",
      m -> m.division,
      (m, v) -> m.division = v),
  DEPARTMENT(
      Schema.ENTERPRISE,
      "department",
      255,
      Match.TEXT,
      "department",
      "The department.",
      m -> m.department,
      (m, v) -> m.department = v),
  MANAGER(
      Schema.ENTERPRISE,
      "manager.value",
      255,
      Match.ID,
      "managerId",
      "The manager's id.",
      m -> m.managerId,
      (m, v) -> m.managerId = v);

  /** The schema that defines the attribute: SCIM core User, or the enterprise User extension. */
  public enum Schema {
    CORE,
    ENTERPRISE
  }

  /** How values compare, in filters and sorting. */
  public enum Match {
    /** Ignoring case, through a lower-cased copy of the value kept in its own (indexed) column. */
    KEY,
    /** Ignoring case, comparing the lower-cased column. */
    TEXT,
    /** As {@link #TEXT}, for a URL (the schema declares it a reference). */
    URL,
    /** Exactly: case matters. */
    EXACT,
    /**
     * Exactly, as another resource's id; the schema keeps RFC 7643's {@code caseExact: false} for
     * it, as it always has.
     */
    ID
  }

  private final Schema schema;
  private final String path;
  private final int maxLength;
  private final Match match;
  private final String field;
  private final String description;
  private final Function<Member, String> read;
  private final BiConsumer<Member, String> write;

  UserAttribute(
      Schema schema,
      String path,
      int maxLength,
      Match match,
      String field,
      String description,
      Function<Member, String> read,
      BiConsumer<Member, String> write) {
    this.schema = schema;
    this.path = path;
    this.maxLength = maxLength;
    this.match = match;
    this.field = field;
    this.description = description;
    this.read = read;
    this.write = write;
  }

  public Schema schema() {
    return schema;
  }

  /** The attribute as its schema names it: {@code nickName}, or {@code name.givenName}. */
  public String path() {
    return path;
  }

  /** The complex attribute this one is a sub-attribute of ({@code name}), or null. */
  public String parent() {
    int dot = path.indexOf('.');
    return dot < 0 ? null : path.substring(0, dot);
  }

  /** The name within its parent ({@code givenName}), or the whole name when it has none. */
  public String attributeName() {
    return path.substring(path.indexOf('.') + 1);
  }

  public int maxLength() {
    return maxLength;
  }

  public Match match() {
    return match;
  }

  /** The {@link Member} field a search compares and sorts (the lower-cased copy for a key). */
  public String field() {
    return field;
  }

  public String description() {
    return description;
  }

  /** The member's value, or null. */
  public String of(Member member) {
    return read.apply(member);
  }

  /** Sets the member's value (null clears it); only {@link Member} writes its own fields. */
  void write(Member member, String value) {
    write.accept(member, value);
  }
}
