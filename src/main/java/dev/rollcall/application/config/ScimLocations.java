package dev.rollcall.application.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where an organization's SCIM resources live, from {@code rollcall.public-base-url}. */
@ApplicationScoped
public class ScimLocations {
  private final String publicBaseUrl;

  @Inject
  public ScimLocations(@ConfigProperty(name = "rollcall.public-base-url") String publicBaseUrl) {
    this.publicBaseUrl =
        publicBaseUrl.endsWith("/")
            ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
            : publicBaseUrl;
  }

  protected ScimLocations() {
    this.publicBaseUrl = null;
  }

  public String base(String organizationId) {
    return publicBaseUrl + "/scim/v2/" + organizationId;
  }
}
