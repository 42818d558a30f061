package dev.rollcall.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.application.AuditTrail;
import dev.rollcall.application.LogRetention;
import dev.rollcall.application.OrganizationService;
import dev.rollcall.application.ProvisioningLog;
import dev.rollcall.domain.activity.ProvisioningEvent;
import jakarta.ejb.EJBTransactionRequiredException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Retention: the purge deletes each log's rows older than its window, in every organization, batch
 * by batch, and keeps the younger ones. Time moves with the adjustable clock; batches of one row
 * make the purge loop.
 */
@ExtendWith(ArquillianExtension.class)
class LogRetentionIT {
  @Deployment
  static WebArchive deployment() {
    return Deployments.withConfig(
        Deployments.withTestSupport(LogRetentionIT.class),
        "rollcall.retention.purge-interval=PT0S\nrollcall.retention.batch-size=1");
  }

  @Inject OrganizationService organizations;
  @Inject ProvisioningLog log;
  @Inject AuditTrail audit;
  @Inject LogRetention retention;
  @Inject AdjustableClock clock;
  @Inject InContainer container;
  @Inject EntityManager em;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  private void record(String organizationId, String requestId) {
    container.run(
        organizationId,
        () ->
            log.record(
                new ProvisioningLog.Entry(
                    UUID.randomUUID().toString(),
                    "okta",
                    "create",
                    "User",
                    null,
                    "someone@retention.example",
                    new ProvisioningEvent.Outcome(201, null, null),
                    requestId)));
  }

  private List<?> remaining(String table, String column, List<String> values) {
    return em.createNativeQuery(
            "SELECT " + column + " FROM " + table + " WHERE " + column + " IN (?, ?, ?)")
        .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, HintValues.TRUE)
        .setParameter(1, values.get(0))
        .setParameter(2, values.get(1))
        .setParameter(3, values.size() > 2 ? values.get(2) : values.get(0))
        .getResultList();
  }

  /**
   * Runs the purge as its timer would until nothing is left to delete (one run stops after 200
   * batches, and the other suites' rows may be older).
   */
  private LogRetention.Purged purgeAll() {
    int provisioning = 0;
    int audit = 0;
    LogRetention.Purged run;
    do {
      run = retention.purge();
      provisioning += run.provisioningEvents();
      audit += run.auditEvents();
    } while (run.provisioningEvents() > 0 || run.auditEvents() > 0);
    return new LogRetention.Purged(provisioning, audit);
  }

  @Test
  void eachLogKeepsItsWindowInEveryOrganization() {
    String a = organizations.create("Retention A", "admin@a.retention.example").id();
    String b = organizations.create("Retention B", "admin@b.retention.example").id();
    String oldA = "old-a-" + UUID.randomUUID();
    String oldB = "old-b-" + UUID.randomUUID();
    record(a, oldA);
    record(b, oldB);

    clock.advance(Duration.ofDays(31));
    String recent = "recent-" + UUID.randomUUID();
    record(a, recent);

    assertTrue(purgeAll().provisioningEvents() >= 2, "both organizations' old events");
    assertEquals(
        List.of(recent),
        remaining("provisioning_events", "request_id", List.of(oldA, oldB, recent)),
        "30 days of provisioning events");
    assertEquals(
        2,
        remaining("audit_events", "org_id", List.of(a, b)).size(),
        "the audit trail keeps a year: both organizations' creation rows");

    clock.advance(Duration.ofDays(335));
    purgeAll();
    assertEquals(List.of(), remaining("audit_events", "org_id", List.of(a, b)));
    assertEquals(
        List.of(), remaining("provisioning_events", "request_id", List.of(oldA, oldB, recent)));
  }

  @Test
  void anAuditRowIsWrittenOnlyInsideTheTransactionOfTheChangeItDescribes() {
    String a = organizations.create("Retention C", "admin@c.retention.example").id();
    // called on its own there is no change to commit with: refused, nothing written
    assertThrows(
        EJBTransactionRequiredException.class,
        () -> container.run(a, () -> audit.operatorCall("TEST", "nothing", "nothing")));
    assertEquals(1, remaining("audit_events", "org_id", List.of(a, a)).size());
  }
}
