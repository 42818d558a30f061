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
 * One change of access (a statement) or operator call: when, who (a member, or the operator), what
 * with its secrets redacted, and the outcome. Written in the transaction of the change it
 * describes, never changed; only the retention purge removes it.
 */
@Entity
@Table(name = "audit_events")
@NamedQuery(
    name = AuditEvent.LIST,
    query = "SELECT e FROM AuditEvent e ORDER BY e.occurredAt DESC, e.id DESC")
public class AuditEvent extends TenantOwned {
  public static final String LIST = "AuditEvent.list";

  /** The actor of operator calls. */
  public static final String OPERATOR = "operator";

  public static final int STATEMENT_LENGTH = 4000;
  public static final int OUTCOME_LENGTH = 1024;

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  /** The member who acted; null for the operator. */
  @Column(name = "actor_id", length = 36)
  private String actorId;

  /** The member's userName, or {@link #OPERATOR}. */
  @Column(nullable = false, length = 255)
  private String actor;

  @Column(name = "action_name", nullable = false, length = 64)
  private String action;

  @Column(name = "statement_text", nullable = false, length = STATEMENT_LENGTH)
  private String statement;

  @Column(nullable = false, length = OUTCOME_LENGTH)
  private String outcome;

  @Column(name = "request_id", length = ProvisioningEvent.REQUEST_ID_LENGTH)
  private String requestId;

  protected AuditEvent() {}

  public AuditEvent(
      String id,
      Instant occurredAt,
      String actorId,
      String actor,
      String action,
      String statement,
      String outcome,
      String requestId) {
    this.id = Objects.requireNonNull(id);
    this.occurredAt = Objects.requireNonNull(occurredAt);
    this.actorId = actorId;
    this.actor = Texts.cut(Objects.requireNonNull(actor), 255);
    this.action = Texts.cut(Objects.requireNonNull(action), 64);
    this.statement = Texts.cut(Objects.requireNonNull(statement), STATEMENT_LENGTH);
    this.outcome = Texts.cut(Objects.requireNonNull(outcome), OUTCOME_LENGTH);
    this.requestId = Texts.cut(requestId, ProvisioningEvent.REQUEST_ID_LENGTH);
  }

  public String id() {
    return id;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public Optional<String> actorId() {
    return Optional.ofNullable(actorId);
  }

  public String actor() {
    return actor;
  }

  public String action() {
    return action;
  }

  public String statement() {
    return statement;
  }

  public String outcome() {
    return outcome;
  }

  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }
}
