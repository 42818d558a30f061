package dev.rollcall.application;

import dev.rollcall.domain.integration.ScimAccessVersions;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps every server's remembered SCIM tokens true to the database: each {@link ScimAccessChanged}
 * moves the organization's access version in the transaction that announced it, and a timer polls
 * the versions every {@link ScimPrincipals#POLL_INTERVAL} so that requests need not. A failed poll
 * is logged once until one succeeds again; meanwhile requests poll themselves, and fail as the
 * database does.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ScimAccessWatch {
  private static final Logger LOG = Logger.getLogger(ScimAccessWatch.class.getName());

  @Resource private TimerService timers;

  private final ScimPrincipals principals;
  private final ScimAccessVersions versions;
  private final Clock clock;
  private final AtomicBoolean polling = new AtomicBoolean();
  private final AtomicBoolean failing = new AtomicBoolean();

  @Inject
  public ScimAccessWatch(ScimPrincipals principals, ScimAccessVersions versions, Clock clock) {
    this.principals = principals;
    this.versions = versions;
    this.clock = clock;
  }

  public ScimAccessWatch() {
    this(null, null, null);
  }

  @PostConstruct
  void start() {
    long interval = ScimPrincipals.POLL_INTERVAL.toMillis();
    timers.createIntervalTimer(interval, interval, new TimerConfig(null, false));
  }

  /** Moves the organization's version on, in the transaction that made the change. */
  public void changed(@Observes ScimAccessChanged change) {
    versions.bump(change.organizationId(), clock.instant());
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void poll() {
    if (!polling.compareAndSet(false, true)) {
      return; // the previous poll still runs (a slow database): skip this tick
    }
    try {
      principals.refresh(true);
      if (failing.compareAndSet(true, false)) {
        LOG.info("SCIM access versions are read again");
      }
    } catch (RuntimeException e) {
      if (failing.compareAndSet(false, true)) {
        LOG.log(
            Level.WARNING,
            "Reading the SCIM access versions failed; SCIM requests read the database until it"
                + " answers again",
            e);
      }
    } finally {
      polling.set(false);
    }
  }
}
