package dev.rollcall.scim;

import dev.rollcall.application.SecurityIntegrationService.ScimPrincipal;
import jakarta.enterprise.context.RequestScoped;

/**
 * The integration behind the current SCIM request, once {@link ScimAuthentication} has checked it.
 */
@RequestScoped
public class ScimCaller {
  private ScimPrincipal principal;

  public void identify(ScimPrincipal principal) {
    this.principal = principal;
  }

  public ScimPrincipal principal() {
    if (principal == null) {
      throw new IllegalStateException("SCIM request is not authenticated");
    }
    return principal;
  }
}
