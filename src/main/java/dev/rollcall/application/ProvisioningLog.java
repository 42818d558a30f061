package dev.rollcall.application;

import dev.rollcall.application.tenancy.TenantScoped;
import dev.rollcall.domain.NotFoundException;
import dev.rollcall.domain.activity.ActivityRepository;
import dev.rollcall.domain.activity.ProvisioningEvent;
import dev.rollcall.domain.integration.SecurityIntegration;
import dev.rollcall.domain.integration.SecurityIntegrationRepository;
import dev.rollcall.domain.role.Privilege;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The provisioning log of the current organization: what each integration's SCIM requests changed,
 * and which failed. Readers need MANAGE_MEMBERS, as for the integrations themselves.
 */
@Stateless
@TenantScoped
public class ProvisioningLog {
  /** One request to record: who called, what it did, and how it ended. */
  public record Entry(
      String integrationId,
      String integrationName,
      String operation,
      String resourceType,
      String resourceId,
      String target,
      ProvisioningEvent.Outcome outcome,
      String requestId) {}

  /** When an integration was last heard of, and its last failure (status and detail). */
  public record LastActivity(Optional<Instant> eventAt, Optional<String> error) {}

  private final ActivityRepository activity;
  private final SecurityIntegrationRepository integrations;
  private final AuthorizationService authorization;
  private final Clock clock;

  @Inject
  public ProvisioningLog(
      ActivityRepository activity,
      SecurityIntegrationRepository integrations,
      AuthorizationService authorization,
      Clock clock) {
    this.activity = activity;
    this.integrations = integrations;
    this.authorization = authorization;
    this.clock = clock;
  }

  public ProvisioningLog() {
    this(null, null, null, null);
  }

  /**
   * Records one request, after its answer is known, in a transaction of its own: a failed request's
   * transaction has rolled back. (A successful change records its event with itself: {@link
   * #recording}.)
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void record(Entry entry) {
    add(entry);
  }

  /**
   * Makes a change and records it, in one transaction: the event commits with the change or not at
   * all, so a change that rolls back leaves no event, and an event that cannot be written fails the
   * change. {@code entry} describes the change from its result (empty: nothing to record). A caller
   * without a transaction, as a SCIM resource is, gets a new one on each call, so a call sent again
   * after a transient failure starts afresh.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public <T> T recording(Supplier<T> change, Function<? super T, Optional<Entry>> entry) {
    T result = change.get();
    entry.apply(result).ifPresent(this::add);
    return result;
  }

  private void add(Entry entry) {
    activity.add(
        new ProvisioningEvent(
            UUID.randomUUID().toString(),
            clock.instant(),
            entry.integrationId(),
            entry.integrationName(),
            entry.operation(),
            entry.resourceType(),
            entry.resourceId(),
            entry.target(),
            entry.outcome(),
            entry.requestId()));
  }

  /** Newest first, at most {@code limit}; only one integration's when it is named. */
  public List<ProvisioningEvent> list(String actorId, Optional<String> integrationName, int limit) {
    authorization.require(actorId, Privilege.MANAGE_MEMBERS);
    Optional<String> integrationId =
        integrationName.map(
            name ->
                integrations
                    .findByName(name)
                    .map(SecurityIntegration::id)
                    .orElseThrow(
                        () ->
                            new NotFoundException(
                                "Security integration " + name + " does not exist")));
    return activity.provisioningEvents(integrationId, limit);
  }

  /** For DESCRIBE SECURITY INTEGRATION, whose caller was already checked. */
  public LastActivity lastActivity(String integrationId) {
    return new LastActivity(
        activity.lastEvent(integrationId).map(ProvisioningEvent::occurredAt),
        activity.lastError(integrationId).map(ProvisioningLog::describeError));
  }

  /** {@code 409 uniqueness: userName ada is taken (2026-...)}, the way LIST shows a status. */
  private static String describeError(ProvisioningEvent event) {
    return status(event)
        + event.detail().map(d -> ": " + d).orElse("")
        + " ("
        + event.occurredAt()
        + ", request "
        + event.requestId()
        + ")";
  }

  /** The HTTP status with its scimType, e.g. {@code 409 uniqueness}. */
  public static String status(ProvisioningEvent event) {
    return event.status() + event.scimType().map(t -> " " + t).orElse("");
  }
}
