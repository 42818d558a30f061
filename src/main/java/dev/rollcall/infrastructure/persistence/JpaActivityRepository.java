package dev.rollcall.infrastructure.persistence;

import dev.rollcall.domain.activity.ActivityRepository;
import dev.rollcall.domain.activity.AuditEvent;
import dev.rollcall.domain.activity.ProvisioningEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;

@ApplicationScoped
public class JpaActivityRepository implements ActivityRepository {
  private final EntityManager em;

  @Inject
  public JpaActivityRepository(EntityManager em) {
    this.em = em;
  }

  protected JpaActivityRepository() {
    this.em = null;
  }

  @Override
  public void add(ProvisioningEvent event) {
    em.persist(event);
  }

  @Override
  public void add(AuditEvent event) {
    em.persist(event);
  }

  @Override
  public List<ProvisioningEvent> provisioningEvents(Optional<String> integrationId, int limit) {
    var query =
        integrationId.isPresent()
            ? em.createNamedQuery(ProvisioningEvent.LIST_BY_INTEGRATION, ProvisioningEvent.class)
                .setParameter("integration", integrationId.get())
            : em.createNamedQuery(ProvisioningEvent.LIST, ProvisioningEvent.class);
    return query.setMaxResults(limit).getResultList();
  }

  @Override
  public Optional<ProvisioningEvent> lastEvent(String integrationId) {
    return provisioningEvents(Optional.of(integrationId), 1).stream().findFirst();
  }

  @Override
  public Optional<ProvisioningEvent> lastError(String integrationId) {
    return em.createNamedQuery(ProvisioningEvent.LAST_ERROR, ProvisioningEvent.class)
        .setParameter("integration", integrationId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<AuditEvent> auditEvents(int limit) {
    return em.createNamedQuery(AuditEvent.LIST, AuditEvent.class)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * Every organization's rows at once, so native SQL (EclipseLink adds no tenant to it): the time
   * of the batch-th oldest row bounds a range delete on the (occurred_at) index. Rows sharing that
   * millisecond go with it, so a batch may be a little larger. Nodes purging at once delete
   * overlapping ranges in index order: one waits for the other and then finds less or nothing.
   */
  @Override
  public int purge(Log log, Instant cutoff, int batch) {
    String table = log == Log.PROVISIONING ? "provisioning_events" : "audit_events";
    long before = cutoff.toEpochMilli();
    List<?> times =
        em.createNativeQuery(
                "SELECT occurred_at FROM " + table + " WHERE occurred_at < ? ORDER BY occurred_at")
            .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, HintValues.TRUE)
            .setParameter(1, before)
            .setMaxResults(batch)
            .getResultList();
    if (times.isEmpty()) {
      return 0;
    }
    long upTo = ((Number) times.get(times.size() - 1)).longValue();
    return em.createNativeQuery(
            "DELETE FROM " + table + " WHERE occurred_at < ? AND occurred_at <= ?")
        .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, HintValues.TRUE)
        .setParameter(1, before)
        .setParameter(2, upTo)
        .executeUpdate();
  }
}
