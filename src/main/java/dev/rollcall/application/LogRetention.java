package dev.rollcall.application;

import dev.rollcall.application.config.DurationSetting;
import dev.rollcall.domain.activity.ActivityRepository.Log;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps each log to its window ({@code rollcall.retention.provisioning-events}, {@code
 * rollcall.retention.audit-events}): every {@code rollcall.retention.purge-interval} a
 * non-persistent timer deletes older rows in batches of {@code rollcall.retention.batch-size}, each
 * batch a short transaction of its own, so requests never wait behind a long delete. Every node
 * purges on its own timer (started at a random point of the first interval); purges that meet
 * delete in index order, and the later one finds the rows gone.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class LogRetention {
  private static final Logger LOG = Logger.getLogger(LogRetention.class.getName());

  /** At most this many batches per log and run, so that one run never goes on for long. */
  static final int MAX_BATCHES_PER_RUN = 200;

  private final RetentionBatch batches;
  private final Clock clock;
  private final Duration provisioningWindow;
  private final Duration auditWindow;
  private final Duration interval;
  private final int batchSize;
  private final AtomicBoolean running = new AtomicBoolean();

  @Resource private TimerService timers;

  /** What one run deleted. */
  public record Purged(int provisioningEvents, int auditEvents) {}

  @Inject
  public LogRetention(
      RetentionBatch batches,
      Clock clock,
      @ConfigProperty(name = "rollcall.retention.provisioning-events") String provisioningWindow,
      @ConfigProperty(name = "rollcall.retention.audit-events") String auditWindow,
      @ConfigProperty(name = "rollcall.retention.purge-interval") String interval,
      @ConfigProperty(name = "rollcall.retention.batch-size") int batchSize) {
    this.batches = batches;
    this.clock = clock;
    this.provisioningWindow =
        DurationSetting.parse("rollcall.retention.provisioning-events", provisioningWindow);
    this.auditWindow = DurationSetting.parse("rollcall.retention.audit-events", auditWindow);
    this.interval = DurationSetting.parse("rollcall.retention.purge-interval", interval);
    if (batchSize < 1) {
      throw new IllegalStateException("rollcall.retention.batch-size must be at least 1");
    }
    this.batchSize = batchSize;
  }

  public LogRetention() {
    this.batches = null;
    this.clock = null;
    this.provisioningWindow = null;
    this.auditWindow = null;
    this.interval = null;
    this.batchSize = 0;
  }

  @PostConstruct
  void schedule() {
    if (interval.isZero()) {
      return;
    }
    long every = interval.toMillis();
    timers.createIntervalTimer(
        ThreadLocalRandom.current().nextLong(every), every, new TimerConfig(null, false));
  }

  @Timeout
  void onTimer() {
    try {
      purge();
    } catch (RuntimeException e) {
      // the next run tries again; nothing is lost by waiting
      LOG.log(Level.WARNING, "Log retention purge failed; trying again next interval", e);
    }
  }

  /** One run: both logs, until nothing older than its window is left (or the run's cap). */
  public Purged purge() {
    if (!running.compareAndSet(false, true)) {
      return new Purged(0, 0);
    }
    try {
      Instant now = clock.instant();
      return new Purged(
          purge(Log.PROVISIONING, now.minus(provisioningWindow)),
          purge(Log.AUDIT, now.minus(auditWindow)));
    } finally {
      running.set(false);
    }
  }

  private int purge(Log log, Instant cutoff) {
    int total = 0;
    for (int i = 0; i < MAX_BATCHES_PER_RUN; i++) {
      int deleted = batches.purge(log, cutoff, batchSize);
      total += deleted;
      if (deleted < batchSize) {
        break;
      }
    }
    return total;
  }
}
