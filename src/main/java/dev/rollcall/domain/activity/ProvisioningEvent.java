package dev.rollcall.domain.activity;

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
 * One SCIM request an integration made that changed something or failed: what it did, to which
 * resource, and how it ended (HTTP status, {@code scimType}, a short detail). Never a token or a
 * request body. Written once, never changed; only the retention purge removes it.
 */
@Entity
@Table(name = "provisioning_events")
@NamedQuery(
    name = ProvisioningEvent.LIST,
    query = "SELECT e FROM ProvisioningEvent e ORDER BY e.occurredAt DESC, e.id DESC")
@NamedQuery(
    name = ProvisioningEvent.LIST_BY_INTEGRATION,
    query =
        "SELECT e FROM ProvisioningEvent e WHERE e.integrationId = :integration"
            + " ORDER BY e.occurredAt DESC, e.id DESC")
@NamedQuery(
    name = ProvisioningEvent.LAST_ERROR,
    query =
        "SELECT e FROM ProvisioningEvent e WHERE e.integrationId = :integration"
            + " AND e.status >= 400 ORDER BY e.occurredAt DESC, e.id DESC")
public class ProvisioningEvent extends TenantOwned {
  public static final String LIST = "ProvisioningEvent.list";
  public static final String LIST_BY_INTEGRATION = "ProvisioningEvent.listByIntegration";
  public static final String LAST_ERROR = "ProvisioningEvent.lastError";

  /** Column lengths (db/changelog 013); longer values are cut to fit. */
  public static final int TEXT_LENGTH = 255;

  public static final int DETAIL_LENGTH = 1024;
  public static final int REQUEST_ID_LENGTH = 64;

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(name = "integration_id", nullable = false, length = 36)
  private String integrationId;

  @Column(name = "integration_name", nullable = false, length = TEXT_LENGTH)
  private String integrationName;

  @Column(nullable = false, length = 16)
  private String operation;

  @Column(name = "resource_type", length = 32)
  private String resourceType;

  @Column(name = "resource_id", length = TEXT_LENGTH)
  private String resourceId;

  @Column(length = TEXT_LENGTH)
  private String target;

  @Column(nullable = false)
  private int status;

  @Column(name = "scim_type", length = 32)
  private String scimType;

  @Column(length = DETAIL_LENGTH)
  private String detail;

  @Column(name = "request_id", nullable = false, length = REQUEST_ID_LENGTH)
  private String requestId;

  protected ProvisioningEvent() {}

  /** What a request did and how it ended; texts longer than their column are cut. */
  public record Outcome(int status, String scimType, String detail) {}

  public ProvisioningEvent(
      String id,
      Instant occurredAt,
      String integrationId,
      String integrationName,
      String operation,
      String resourceType,
      String resourceId,
      String target,
      Outcome outcome,
      String requestId) {
    this.id = Objects.requireNonNull(id);
    this.occurredAt = Objects.requireNonNull(occurredAt);
    this.integrationId = Objects.requireNonNull(integrationId);
    this.integrationName = Texts.cut(Objects.requireNonNull(integrationName), TEXT_LENGTH);
    this.operation = Objects.requireNonNull(operation);
    this.resourceType = Texts.cut(resourceType, 32);
    this.resourceId = Texts.cut(resourceId, TEXT_LENGTH);
    this.target = Texts.cut(target, TEXT_LENGTH);
    this.status = outcome.status();
    this.scimType = Texts.cut(outcome.scimType(), 32);
    this.detail = Texts.cut(outcome.detail(), DETAIL_LENGTH);
    this.requestId = Texts.cut(Objects.requireNonNull(requestId), REQUEST_ID_LENGTH);
  }

  public String id() {
    return id;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public String integrationId() {
    return integrationId;
  }

  public String integrationName() {
    return integrationName;
  }

  public String operation() {
    return operation;
  }

  public Optional<String> resourceType() {
    return Optional.ofNullable(resourceType);
  }

  public Optional<String> resourceId() {
    return Optional.ofNullable(resourceId);
  }

  public Optional<String> target() {
    return Optional.ofNullable(target);
  }

  public int status() {
    return status;
  }

  public Optional<String> scimType() {
    return Optional.ofNullable(scimType);
  }

  public Optional<String> detail() {
    return Optional.ofNullable(detail);
  }

  public String requestId() {
    return requestId;
  }

  public boolean failed() {
    return status >= 400;
  }
}
