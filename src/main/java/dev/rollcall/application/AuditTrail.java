package dev.rollcall.application;

import dev.rollcall.application.tenancy.TenantScoped;
import dev.rollcall.domain.activity.ActivityRepository;
import dev.rollcall.domain.activity.AuditEvent;
import dev.rollcall.domain.member.Member;
import dev.rollcall.domain.member.MemberRepository;
import dev.rollcall.domain.role.Privilege;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The audit trail of the current organization: every statement that changes access and every
 * operator call. Recording joins the caller's transaction and refuses to run without one, so a
 * change commits with its row or not at all, and a rolled-back change leaves none. Nothing changes
 * or deletes a row but the retention purge. Readers need MANAGE_GRANTS.
 */
@Stateless
@TenantScoped
public class AuditTrail {
  private final ActivityRepository activity;
  private final MemberRepository members;
  private final AuthorizationService authorization;
  private final Clock clock;

  @Inject
  public AuditTrail(
      ActivityRepository activity,
      MemberRepository members,
      AuthorizationService authorization,
      Clock clock) {
    this.activity = activity;
    this.members = members;
    this.authorization = authorization;
    this.clock = clock;
  }

  public AuditTrail() {
    this(null, null, null, null);
  }

  /**
   * A member's change, in its transaction. {@code text} has its secrets redacted already; the actor
   * is shown by userName and id (the member may be the one the change dropped: then by id).
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void memberChange(String actorId, String action, String text, String outcome) {
    String actor =
        members
            .find(actorId)
            .map(Member::userName)
            .map(n -> n + " (" + actorId + ")")
            .orElse(actorId);
    add(actorId, actor, action, text, outcome);
  }

  /** An operator call, in its transaction. */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void operatorCall(String action, String text, String outcome) {
    add(null, AuditEvent.OPERATOR, action, text, outcome);
  }

  /** Newest first, at most {@code limit}. */
  public List<AuditEvent> list(String actorId, int limit) {
    authorization.require(actorId, Privilege.MANAGE_GRANTS);
    return activity.auditEvents(limit);
  }

  private void add(String actorId, String actor, String action, String text, String outcome) {
    activity.add(
        new AuditEvent(
            UUID.randomUUID().toString(),
            clock.instant(),
            actorId,
            actor,
            action,
            text,
            outcome,
            RequestId.current().orElse(null)));
  }
}
