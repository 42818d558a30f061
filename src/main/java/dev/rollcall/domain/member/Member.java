package dev.rollcall.domain.member;

import dev.rollcall.domain.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.persistence.annotations.ChangeTracking;
import org.eclipse.persistence.annotations.ChangeTrackingType;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;

/**
 * A member of one organization. userName is unique per organization ignoring case (the lower-cased
 * copy in {@code user_name_key} carries the unique key); emails are not unique. Statements name a
 * member by userName, else by primary email ({@code email_key}).
 */
@Entity
@Table(name = "members")
// changes are found by comparing at commit, not by woven setters: UserAttribute's entries write
// the fields from outside the class, which woven attribute tracking would not see
@ChangeTracking(ChangeTrackingType.DEFERRED)
// the email look-ups carry their row limit as a hint: a limit set on each use
// (setMaxResults) makes EclipseLink prepare the query's SQL again every time
@NamedQuery(
    name = Member.FIND_BY_EMAIL_KEY,
    query = "SELECT m FROM Member m WHERE m.emailKey = :key ORDER BY m.createdAt",
    hints = @QueryHint(name = QueryHints.JDBC_MAX_ROWS, value = "" + Member.FOUND_BY_EMAIL))
@NamedQuery(name = Member.LIST, query = "SELECT m FROM Member m ORDER BY m.userNameKey")
@NamedQuery(
    name = Member.FIND_BY_USER_NAME,
    query = "SELECT m FROM Member m WHERE m.userNameKey = :key")
// the same look-up for a search, whose results are only shown: not registered for change tracking
// (a hint set on the query object instead would copy the named query on every call); it also
// counts the member's roles, so that a member who holds none needs no second query
@NamedQuery(
    name = Member.SEARCH_BY_USER_NAME,
    query = Member.WITH_ROLE_COUNT + " WHERE m.userNameKey = :key",
    hints = @QueryHint(name = QueryHints.READ_ONLY, value = HintValues.TRUE))
// GET /Users/{id}: the member and the count of its roles, as the search above
@NamedQuery(
    name = Member.VIEW_BY_ID,
    query = Member.WITH_ROLE_COUNT + " WHERE m.id = :id",
    hints = @QueryHint(name = QueryHints.READ_ONLY, value = HintValues.TRUE))
@NamedQuery(name = Member.EXISTING_IDS, query = "SELECT m.id FROM Member m WHERE m.id IN :ids")
@NamedQuery(
    name = Member.RELEASE_FROM_INTEGRATION,
    query = "UPDATE Member m SET m.managedBy = NULL WHERE m.managedBy = :integration")
public class Member extends TenantOwned {
  public static final String RELEASE_FROM_INTEGRATION = "Member.releaseFromIntegration";
  public static final String FIND_BY_EMAIL_KEY = "Member.findByEmailKey";
  public static final String LIST = "Member.list";
  public static final String FIND_BY_USER_NAME = "Member.findByUserName";
  public static final String SEARCH_BY_USER_NAME = "Member.searchByUserName";
  public static final String VIEW_BY_ID = "Member.viewById";

  /** Members with the number of roles each holds, for the queries that show them. */
  public static final String WITH_ROLE_COUNT =
      "SELECT m, (SELECT COUNT(g) FROM MemberRole g WHERE g.memberId = m.id) FROM Member m";

  public static final String EXISTING_IDS = "Member.existingIds";

  /** At most this many members are returned by one email look-up (the earliest created). */
  public static final int FOUND_BY_EMAIL = 10;

  /** The unique key on (org_id, user_name_key): the one a create may collide on. */
  public static final String USER_NAME_KEY_CONSTRAINT = "uk_members_user_name";

  /** The length of user_name and user_name_key, which also hold an invited member's address. */
  public static final int USER_NAME_LENGTH = 255;

  @Id
  @Column(length = 36)
  private String id;

  // the fields of UserAttribute's entries are package-private: its entries read and write them
  // (the entity tracks changes by comparing at commit, so writes from there are seen)
  @Column(name = "user_name", nullable = false)
  String userName;

  @Column(name = "user_name_key", nullable = false)
  String userNameKey;

  @Column(name = "email", length = MemberEmail.VALUE_LENGTH)
  private String email;

  @Column(name = "email_key", length = MemberEmail.VALUE_LENGTH)
  private String emailKey;

  // every email, in the row itself: the representation reads them without another query (the
  // member_emails rows index them)
  @Column(name = "emails")
  private EmailList emails = EmailList.NONE;

  @Column(name = "formatted_name")
  String formattedName;

  @Column(name = "family_name")
  String familyName;

  @Column(name = "given_name")
  String givenName;

  @Column(name = "middle_name")
  String middleName;

  @Column(name = "honorific_prefix")
  String honorificPrefix;

  @Column(name = "honorific_suffix")
  String honorificSuffix;

  @Column(name = "display_name")
  String displayName;

  @Column(name = "display_name_key")
  String displayNameKey;

  @Column(name = "nick_name")
  String nickName;

  @Column(name = "profile_url")
  String profileUrl;

  @Column(name = "title")
  String title;

  @Column(name = "user_type")
  String userType;

  @Column(name = "preferred_language")
  String preferredLanguage;

  @Column(name = "locale")
  String locale;

  @Column(name = "timezone")
  String timezone;

  @Column(name = "employee_number")
  String employeeNumber;

  @Column(name = "cost_center")
  String costCenter;

  @Column(name = "organization_name")
  String organization;

  @Column(name = "division")
  String division;

  @Column(name = "department")
  String department;

  @Column(name = "manager_id")
  String managerId;

  /** The rest of the SCIM core attributes (phone numbers, addresses, ...), as JSON. */
  @Lob
  @Column(name = "scim_attributes")
  private String otherAttributes;

  @Column(name = "external_id")
  String externalId;

  @Column(nullable = false)
  private boolean active;

  @Column(name = "managed_by", length = 36)
  private String managedBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "recovered_at")
  private Instant recoveredAt;

  @Column(name = "recovered_by", length = 64)
  private String recoveredBy;

  @Version private long version;

  protected Member() {}

  public Member(String id, String userName, String email, Instant now) {
    this.id = Objects.requireNonNull(id);
    this.createdAt = Objects.requireNonNull(now);
    this.updatedAt = now;
    this.active = true;
    changeUserName(userName, now);
    changeEmail(email, now);
  }

  /**
   * A member made outside SCIM (operator API, INVITE USER, recovery): the address is their userName
   * and their one SCIM email, type work and primary, as if an identity provider had pushed it.
   */
  public static Member withWorkEmail(String id, String email, Instant now) {
    Member member = new Member(id, email, email, now);
    member.emails = EmailList.of(List.of(Email.work(email)));
    return member;
  }

  /** The case-insensitive form userName and email are compared in. */
  public static String key(String value) {
    return value == null ? null : value.toLowerCase(Locale.ROOT);
  }

  public void changeUserName(String userName, Instant now) {
    UserAttribute.USER_NAME.write(this, Objects.requireNonNull(userName));
    this.updatedAt = now;
  }

  public void changeEmail(String email, Instant now) {
    this.email = email;
    this.emailKey = key(email);
    this.updatedAt = now;
  }

  /**
   * Takes everything the identity provider says about the member (SCIM create and replace). Returns
   * whether anything changed: an identical profile leaves the member, its version and its
   * modification time alone (RFC 7644 §3.5.2).
   */
  public boolean applyProfile(Profile profile, Instant now) {
    if (sameAs(profile)) {
      return false;
    }
    for (UserAttribute attribute : UserAttribute.values()) {
      attribute.write(this, profile.value(attribute));
    }
    changeEmail(profile.primaryEmail().orElse(null), now);
    this.emails = EmailList.of(profile.emails());
    this.otherAttributes = profile.otherAttributes();
    if (profile.active()) {
      activate(now);
    } else {
      deactivate(now);
    }
    return true;
  }

  private boolean sameAs(Profile p) {
    for (UserAttribute attribute : UserAttribute.values()) {
      if (!Objects.equals(attribute.of(this), p.value(attribute))) {
        return false;
      }
    }
    return Objects.equals(email, p.primaryEmail().orElse(null))
        && emails().equals(p.emails())
        && Objects.equals(otherAttributes, p.otherAttributes())
        && active == p.active();
  }

  /** Records a change made beside the member's own columns (emails, role grants). */
  public void touch(Instant now) {
    this.updatedAt = now;
  }

  public void activate(Instant now) {
    this.active = true;
    this.updatedAt = now;
  }

  public void deactivate(Instant now) {
    this.active = false;
    this.updatedAt = now;
  }

  /** Marks the member as provisioned by a security integration (or, with null, by nobody). */
  public void manageBy(String integrationId, Instant now) {
    if (Objects.equals(this.managedBy, integrationId)) {
      return;
    }
    this.managedBy = integrationId;
    this.updatedAt = now;
  }

  public String id() {
    return id;
  }

  public String userName() {
    return userName;
  }

  public Optional<String> email() {
    return Optional.ofNullable(email);
  }

  /** Every email, in the identity provider's order (an invited member's address is one of them). */
  public List<Email> emails() {
    return emails == null ? List.of() : emails.items();
  }

  public Optional<String> givenName() {
    return Optional.ofNullable(givenName);
  }

  public Optional<String> familyName() {
    return Optional.ofNullable(familyName);
  }

  public Optional<String> otherAttributes() {
    return Optional.ofNullable(otherAttributes);
  }

  public Optional<String> displayName() {
    return Optional.ofNullable(displayName);
  }

  public Optional<String> externalId() {
    return Optional.ofNullable(externalId);
  }

  public boolean active() {
    return active;
  }

  public Optional<String> managedBy() {
    return Optional.ofNullable(managedBy);
  }

  /**
   * The operator's recovery made this member an active orgadmin again: records who and when (the
   * last time).
   */
  public void recoveredBy(String who, Instant now) {
    this.recoveredBy = Objects.requireNonNull(who);
    this.recoveredAt = Objects.requireNonNull(now);
    activate(now);
  }

  public Optional<Instant> recoveredAt() {
    return Optional.ofNullable(recoveredAt);
  }

  public Optional<String> recoveredBy() {
    return Optional.ofNullable(recoveredBy);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public long version() {
    return version;
  }
}
