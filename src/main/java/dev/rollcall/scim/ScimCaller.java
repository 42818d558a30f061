package dev.rollcall.scim;

import dev.rollcall.application.SecurityIntegrationService.ScimPrincipal;
import dev.rollcall.domain.integration.IntegrationRefusal;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * The integration behind the current SCIM request, once {@link ScimAuthentication} has checked it;
 * or the known integration whose call it refused. Also what the provisioning log needs of the
 * request: what it is about (the userName or group name it names), whether it is a bulk request,
 * and whether its event was already recorded.
 */
@RequestScoped
public class ScimCaller {
  private ScimPrincipal principal;
  private IntegrationRefusal refusal;
  private String target;
  private boolean bulk;
  private boolean recorded;

  public void identify(ScimPrincipal principal) {
    this.principal = principal;
  }

  public ScimPrincipal principal() {
    if (principal == null) {
      throw new IllegalStateException("SCIM request is not authenticated");
    }
    return principal;
  }

  /** The principal, when the request was authenticated. */
  public Optional<ScimPrincipal> identified() {
    return Optional.ofNullable(principal);
  }

  /** Authentication refused a known integration's call. */
  public void refused(IntegrationRefusal refusal) {
    this.refusal = refusal;
  }

  public Optional<IntegrationRefusal> refusal() {
    return Optional.ofNullable(refusal);
  }

  /** The userName or group name the request names, once its body is read. */
  public void target(String target) {
    if (this.target == null) {
      this.target = target;
    }
  }

  public Optional<String> target() {
    return Optional.ofNullable(target);
  }

  /** The request is a {@code /Bulk} request: it is recorded as a whole, not per operation. */
  public void inBulk() {
    this.bulk = true;
  }

  public boolean isBulk() {
    return bulk;
  }

  /** The request's change committed with its provisioning event: nothing is left to record. */
  public void recorded() {
    this.recorded = true;
  }

  public boolean isRecorded() {
    return recorded;
  }
}
