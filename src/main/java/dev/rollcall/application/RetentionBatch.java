package dev.rollcall.application;

import dev.rollcall.domain.activity.ActivityRepository;
import dev.rollcall.domain.activity.ActivityRepository.Log;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;

/** One batch of {@link LogRetention}'s purge, committed on its own. */
@Stateless
public class RetentionBatch {
  private final ActivityRepository activity;

  @Inject
  public RetentionBatch(ActivityRepository activity) {
    this.activity = activity;
  }

  public RetentionBatch() {
    this(null);
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int purge(Log log, Instant cutoff, int batch) {
    return activity.purge(log, cutoff, batch);
  }
}
