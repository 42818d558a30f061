package dev.rollcall.domain.integration;

import dev.rollcall.domain.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A named SCIM integration of one organization: which identity provider calls, which role its calls
 * act as, the hash of its one current bearer token, and its owner: the member who created it or
 * last renewed its token, whose power bounds what its calls may hand out.
 */
@Entity
@Table(name = "security_integrations")
@NamedQuery(
    name = SecurityIntegration.FIND_BY_NAME,
    query = "SELECT i FROM SecurityIntegration i WHERE i.name = :name")
@NamedQuery(
    name = SecurityIntegration.AUTHENTICATE,
    query =
        "SELECT i, (SELECT COUNT(p) FROM RolePrivilege p"
            + " WHERE p.roleId = i.runAsRoleId AND p.privilege = :privilege)"
            + " FROM SecurityIntegration i"
            + " WHERE i.tokenHash = :hash OR i.extensionUrn IS NOT NULL ORDER BY i.name")
@NamedQuery(
    name = SecurityIntegration.RECORD_TOKEN_USE,
    query =
        "UPDATE SecurityIntegration i SET i.tokenLastUsedAt = :now WHERE i.id = :id"
            + " AND (i.tokenLastUsedAt IS NULL OR i.tokenLastUsedAt < :notBefore)")
@NamedQuery(
    name = SecurityIntegration.LIST,
    query = "SELECT i FROM SecurityIntegration i ORDER BY i.name")
@NamedQuery(
    name = SecurityIntegration.LIST_BY_RUN_AS_ROLE,
    query = "SELECT i FROM SecurityIntegration i WHERE i.runAsRoleId = :role ORDER BY i.name")
public class SecurityIntegration extends TenantOwned {
  /** The length of the name column (db/changelog), checked before a write. */
  public static final int NAME_LENGTH = 255;

  /** The unique key on (organization, name). */
  public static final String NAME_CONSTRAINT = "uk_security_integrations_name";

  /** The length of the column that keeps a declared extension's attributes as text. */
  public static final int EXTENSION_ATTRIBUTES_LENGTH = 4000;

  public static final String FIND_BY_NAME = "SecurityIntegration.findByName";
  public static final String AUTHENTICATE = "SecurityIntegration.authenticate";
  public static final String LIST = "SecurityIntegration.list";
  public static final String RECORD_TOKEN_USE = "SecurityIntegration.recordTokenUse";
  public static final String LIST_BY_RUN_AS_ROLE = "SecurityIntegration.listByRunAsRole";

  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false, length = NAME_LENGTH)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "integration_type", nullable = false, length = 32)
  private IntegrationType type;

  @Enumerated(EnumType.STRING)
  @Column(name = "scim_client", nullable = false, length = 32)
  private ScimClient client;

  @Column(name = "run_as_role_id", nullable = false, length = 36)
  private String runAsRoleId;

  @Column(name = "token_hash", nullable = false, length = 64)
  private String tokenHash;

  @Column(name = "token_expires_at", nullable = false)
  private Instant tokenExpiresAt;

  @Column(name = "token_last_used_at")
  private Instant tokenLastUsedAt;

  // null: no owner (the member was dropped, or the integration predates owners and no orgadmin was
  // found to own it)
  @Column(name = "owner_member_id", length = 36)
  private String ownerMemberId;

  @Column(name = "extension_urn")
  private String extensionUrn;

  @Column(name = "extension_attributes", length = EXTENSION_ATTRIBUTES_LENGTH)
  private String extensionAttributes;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected SecurityIntegration() {}

  public SecurityIntegration(
      String id,
      String name,
      IntegrationType type,
      ScimClient client,
      String runAsRoleId,
      String tokenHash,
      Instant tokenExpiresAt,
      String ownerMemberId,
      Instant now) {
    this.id = Objects.requireNonNull(id);
    this.name = Objects.requireNonNull(name);
    this.type = Objects.requireNonNull(type);
    this.client = Objects.requireNonNull(client);
    this.runAsRoleId = Objects.requireNonNull(runAsRoleId);
    this.tokenHash = Objects.requireNonNull(tokenHash);
    this.tokenExpiresAt = Objects.requireNonNull(tokenExpiresAt);
    this.ownerMemberId = Objects.requireNonNull(ownerMemberId);
    this.createdAt = Objects.requireNonNull(now);
    this.updatedAt = now;
  }

  /**
   * Replaces the token: the old one stops working as this change commits; whoever renews it owns
   * the integration from now on.
   */
  public void renewToken(String tokenHash, Instant expiresAt, String ownerMemberId, Instant now) {
    this.tokenHash = Objects.requireNonNull(tokenHash);
    this.ownerMemberId = Objects.requireNonNull(ownerMemberId);
    this.tokenExpiresAt = Objects.requireNonNull(expiresAt);
    this.tokenLastUsedAt = null;
    this.updatedAt = now;
  }

  /** Declares the extension schema the integration's users carry. */
  public void declareExtension(ExtensionDeclaration extension) {
    this.extensionUrn = extension.urn();
    this.extensionAttributes = extension.attributeText();
  }

  /** The declared extension, if any (stored as written, so it parses without restrictions). */
  public Optional<ExtensionDeclaration> extension() {
    if (extensionUrn == null) {
      return Optional.empty();
    }
    return Optional.of(
        ExtensionDeclaration.parse(extensionUrn, extensionAttributes, java.util.Set.of()));
  }

  public boolean tokenExpiredAt(Instant now) {
    return !now.isBefore(tokenExpiresAt);
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public IntegrationType type() {
    return type;
  }

  public ScimClient client() {
    return client;
  }

  public String runAsRoleId() {
    return runAsRoleId;
  }

  /** The member the integration acts for; empty when it has none. */
  public Optional<String> ownerMemberId() {
    return Optional.ofNullable(ownerMemberId);
  }

  public String tokenHash() {
    return tokenHash;
  }

  public Instant tokenExpiresAt() {
    return tokenExpiresAt;
  }

  public Optional<Instant> tokenLastUsedAt() {
    return Optional.ofNullable(tokenLastUsedAt);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
