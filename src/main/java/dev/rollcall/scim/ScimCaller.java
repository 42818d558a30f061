package dev.rollcall.scim;

import dev.rollcall.application.SecurityIntegrationService.ScimPrincipal;
import dev.rollcall.domain.integration.IntegrationRefusal;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * The integration behind the current SCIM request, once {@link ScimAuthentication} has checked it;
 * or the known integration whose call it refused. Also what the request is about (the userName or
 * group name it names), for the provisioning log.
 */
@RequestScoped
public class ScimCaller {
  private ScimPrincipal principal;
  private IntegrationRefusal refusal;
  private String target;

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
}
