package dev.rollcall.domain.activity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The provisioning log and the audit trail of the current organization. Rows are added and read,
 * never changed; the only removal is {@link #purge}, the retention window's.
 */
public interface ActivityRepository {
  void add(ProvisioningEvent event);

  void add(AuditEvent event);

  /** Newest first; only the integration's when {@code integrationId} is given. */
  List<ProvisioningEvent> provisioningEvents(Optional<String> integrationId, int limit);

  /** The integration's newest event, and its newest failed one. */
  Optional<ProvisioningEvent> lastEvent(String integrationId);

  Optional<ProvisioningEvent> lastError(String integrationId);

  /** Newest first. */
  List<AuditEvent> auditEvents(int limit);

  /** Which log a purge works on. */
  enum Log {
    PROVISIONING,
    AUDIT
  }

  /**
   * Deletes up to {@code batch} rows of {@code log} older than {@code cutoff}, in every
   * organization; answers how many it deleted.
   */
  int purge(Log log, Instant cutoff, int batch);
}
