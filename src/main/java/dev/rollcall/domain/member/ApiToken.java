package dev.rollcall.domain.member;

import dev.rollcall.domain.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A member's bearer token for the admin surface. Only the SHA-256 hash of the secret is stored. */
@Entity
@Table(name = "api_tokens")
@NamedQuery(
    name = ApiToken.FIND_BY_HASH,
    query = "SELECT t FROM ApiToken t WHERE t.tokenHash = :hash")
@NamedQuery(
    name = ApiToken.LIST_BY_MEMBER,
    query = "SELECT t FROM ApiToken t WHERE t.memberId = :member ORDER BY t.name")
@NamedQuery(
    name = ApiToken.FIND_BY_NAME,
    query = "SELECT t FROM ApiToken t WHERE t.memberId = :member AND t.name = :name")
@NamedQuery(
    name = ApiToken.DELETE_BY_MEMBER,
    query = "DELETE FROM ApiToken t WHERE t.memberId = :member")
public class ApiToken extends TenantOwned {
  /** The length of the name column (db/changelog), checked before a write. */
  public static final int NAME_LENGTH = 255;

  /** The unique key on (organization, member, name). */
  public static final String NAME_CONSTRAINT = "uk_api_tokens_name";

  public static final String FIND_BY_HASH = "ApiToken.findByHash";
  public static final String LIST_BY_MEMBER = "ApiToken.listByMember";
  public static final String FIND_BY_NAME = "ApiToken.findByName";
  public static final String DELETE_BY_MEMBER = "ApiToken.deleteByMember";

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "member_id", nullable = false, length = 36)
  private String memberId;

  @Column(nullable = false, length = NAME_LENGTH)
  private String name;

  @Column(name = "token_hash", nullable = false, length = 64)
  private String tokenHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  /** The member who created the token for this one; null when the member made it themself. */
  @Column(name = "created_by", length = 36)
  private String createdBy;

  protected ApiToken() {}

  public ApiToken(
      String id,
      String memberId,
      String name,
      String tokenHash,
      Instant createdAt,
      Instant expiresAt) {
    this(id, memberId, name, tokenHash, createdAt, expiresAt, null);
  }

  public ApiToken(
      String id,
      String memberId,
      String name,
      String tokenHash,
      Instant createdAt,
      Instant expiresAt,
      String createdBy) {
    this.id = Objects.requireNonNull(id);
    this.memberId = Objects.requireNonNull(memberId);
    this.name = Objects.requireNonNull(name);
    this.tokenHash = Objects.requireNonNull(tokenHash);
    this.createdAt = Objects.requireNonNull(createdAt);
    this.expiresAt = expiresAt;
    this.createdBy = memberId.equals(createdBy) ? null : createdBy;
  }

  public boolean expiredAt(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }

  public void usedAt(Instant now) {
    this.lastUsedAt = now;
  }

  public String id() {
    return id;
  }

  public String memberId() {
    return memberId;
  }

  public String name() {
    return name;
  }

  public String tokenHash() {
    return tokenHash;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Optional<Instant> expiresAt() {
    return Optional.ofNullable(expiresAt);
  }

  public Optional<Instant> lastUsedAt() {
    return Optional.ofNullable(lastUsedAt);
  }

  /** Who created the token: its member, or another member who made it for them. */
  public String createdBy() {
    return createdBy == null ? memberId : createdBy;
  }
}
