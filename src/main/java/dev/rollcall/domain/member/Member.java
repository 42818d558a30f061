package dev.rollcall.domain.member;

import dev.rollcall.domain.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A member of one organization. userName is unique per organization ignoring case (the lower-cased
 * copy in {@code user_name_key} carries the unique key); the primary email is what statements name
 * users by.
 */
@Entity
@Table(name = "members")
@NamedQuery(
    name = Member.FIND_BY_LOGIN,
    query =
        "SELECT m FROM Member m WHERE m.emailKey = :key OR m.userNameKey = :key ORDER BY m.createdAt")
@NamedQuery(name = Member.LIST, query = "SELECT m FROM Member m ORDER BY m.userNameKey")
@NamedQuery(
    name = Member.RELEASE_FROM_INTEGRATION,
    query = "UPDATE Member m SET m.managedBy = NULL WHERE m.managedBy = :integration")
public class Member extends TenantOwned {
  public static final String RELEASE_FROM_INTEGRATION = "Member.releaseFromIntegration";
  public static final String FIND_BY_LOGIN = "Member.findByLogin";
  public static final String LIST = "Member.list";

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "user_name", nullable = false)
  private String userName;

  @Column(name = "user_name_key", nullable = false)
  private String userNameKey;

  @Column(name = "email")
  private String email;

  @Column(name = "email_key")
  private String emailKey;

  @Column(name = "given_name")
  private String givenName;

  @Column(name = "family_name")
  private String familyName;

  @Column(name = "display_name")
  private String displayName;

  @Column(name = "external_id")
  private String externalId;

  @Column(nullable = false)
  private boolean active;

  @Column(name = "managed_by", length = 36)
  private String managedBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

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

  /** The case-insensitive form userName and email are compared in. */
  public static String key(String value) {
    return value == null ? null : value.toLowerCase(Locale.ROOT);
  }

  public void changeUserName(String userName, Instant now) {
    this.userName = Objects.requireNonNull(userName);
    this.userNameKey = key(userName);
    this.updatedAt = now;
  }

  public void changeEmail(String email, Instant now) {
    this.email = email;
    this.emailKey = key(email);
    this.updatedAt = now;
  }

  public void changeName(String givenName, String familyName, String displayName, Instant now) {
    this.givenName = givenName;
    this.familyName = familyName;
    this.displayName = displayName;
    this.updatedAt = now;
  }

  public void changeExternalId(String externalId, Instant now) {
    this.externalId = externalId;
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

  public Optional<String> givenName() {
    return Optional.ofNullable(givenName);
  }

  public Optional<String> familyName() {
    return Optional.ofNullable(familyName);
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
