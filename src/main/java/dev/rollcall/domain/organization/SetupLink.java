package dev.rollcall.domain.organization;

import dev.rollcall.domain.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A one-time link the operator hands an organization's admin: it opens the console's setup wizard
 * acting as one member, until it is redeemed or expires. Only the SHA-256 hash of its secret is
 * stored.
 */
@Entity
@Table(name = "setup_links")
@NamedQuery(
    name = SetupLink.FIND_BY_HASH,
    query = "SELECT l FROM SetupLink l WHERE l.codeHash = :hash")
public class SetupLink extends TenantOwned {
  public static final String FIND_BY_HASH = "SetupLink.findByHash";

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "code_hash", nullable = false, length = 64)
  private String codeHash;

  @Column(name = "member_id", nullable = false, length = 36)
  private String memberId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  protected SetupLink() {}

  public SetupLink(
      String id, String codeHash, String memberId, Instant createdAt, Instant expiresAt) {
    this.id = Objects.requireNonNull(id);
    this.codeHash = Objects.requireNonNull(codeHash);
    this.memberId = Objects.requireNonNull(memberId);
    this.createdAt = Objects.requireNonNull(createdAt);
    this.expiresAt = Objects.requireNonNull(expiresAt);
  }

  /** Whether the link can still be redeemed at {@code now}: not used, not expired. */
  public boolean redeemableAt(Instant now) {
    return usedAt == null && now.isBefore(expiresAt);
  }

  public void redeem(Instant now) {
    this.usedAt = now;
  }

  public String id() {
    return id;
  }

  public String codeHash() {
    return codeHash;
  }

  public String memberId() {
    return memberId;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Optional<Instant> usedAt() {
    return Optional.ofNullable(usedAt);
  }
}
