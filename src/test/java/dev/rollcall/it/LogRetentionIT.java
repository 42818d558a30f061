package dev.rollcall.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.application.AuditTrail;
import dev.rollcall.application.LogRetention;
import dev.rollcall.application.OrganizationService;
import dev.rollcall.application.ProvisioningLog;
import dev.rollcall.domain.ConflictException;
import dev.rollcall.domain.activity.ProvisioningEvent;
import jakarta.ejb.EJBTransactionRequiredException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
 * make the purge loop. Also that a log row commits with the change it describes, or not at all.
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
    container.run(organizationId, () -> log.record(entry("create", requestId)));
  }

  private static ProvisioningLog.Entry entry(String operation, String requestId) {
    return new ProvisioningLog.Entry(
        UUID.randomUUID().toString(),
        "okta",
        operation,
        "User",
        null,
        "someone@retention.example",
        new ProvisioningEvent.Outcome(201, null, null),
        requestId);
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

  @Test
  void aRecordedChangeAndItsEventCommitTogetherOrNotAtAll() {
    String a = organizations.create("Retention D", "admin@d.retention.example").id();
    // the change: an audit row, which can only be written inside a transaction that goes on
    Runnable change = () -> audit.operatorCall("TEST", "a change", "done");
    int changes = remaining("audit_events", "org_id", List.of(a, a)).size();

    String kept = "kept-" + UUID.randomUUID();
    container.run(
        a,
        () ->
            log.recording(
                () -> {
                  change.run();
                  return kept;
                },
                result -> Optional.of(entry("create", result))));
    assertEquals(
        List.of(kept), remaining("provisioning_events", "request_id", List.of(kept, kept)));
    assertEquals(changes + 1, remaining("audit_events", "org_id", List.of(a, a)).size());

    // an event the database refuses (an operation longer than its column) fails its change
    String refused = "refused-" + UUID.randomUUID();
    assertThrows(
        RuntimeException.class,
        () ->
            container.run(
                a,
                () ->
                    log.recording(
                        () -> {
                          change.run();
                          return refused;
                        },
                        result -> Optional.of(entry("x".repeat(17), result)))));
    assertEquals(
        List.of(), remaining("provisioning_events", "request_id", List.of(refused, refused)));
    assertEquals(changes + 1, remaining("audit_events", "org_id", List.of(a, a)).size());

    // a change that fails leaves no event
    String failed = "failed-" + UUID.randomUUID();
    assertThrows(
        ConflictException.class,
        () ->
            container.run(
                a,
                () ->
                    log.recording(
                        () -> {
                          change.run();
                          throw new ConflictException("taken");
                        },
                        result -> Optional.of(entry("create", failed)))));
    assertEquals(
        List.of(), remaining("provisioning_events", "request_id", List.of(failed, failed)));
    assertEquals(changes + 1, remaining("audit_events", "org_id", List.of(a, a)).size());
  }
}
