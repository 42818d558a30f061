package dev.rollcall.api;

import static dev.rollcall.json.JsonFactory.JSON;

import dev.rollcall.application.SetupLinkService;
import dev.rollcall.application.SetupLinkService.IssuedSetupLink;
import dev.rollcall.application.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code POST /organizations/{orgId}/setup-links} (operator): a one-time URL that opens the
 * console's setup wizard for the organization, acting as the member {@code adminEmail} names. The
 * URL carries the secret in its fragment, which browsers never send to a server or in a Referer.
 */
@Path("organizations/{orgId}/setup-links")
@ApplicationScoped
@OperatorOnly
public class SetupLinkResource {
  private final SetupLinkService links;
  private final TenantContext tenant;
  private final String publicBaseUrl;

  @Inject
  public SetupLinkResource(
      SetupLinkService links,
      TenantContext tenant,
      @ConfigProperty(name = "rollcall.public-base-url") String publicBaseUrl) {
    this.links = links;
    this.tenant = tenant;
    this.publicBaseUrl =
        publicBaseUrl.endsWith("/")
            ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
            : publicBaseUrl;
  }

  public SetupLinkResource() {
    this.links = null;
    this.tenant = null;
    this.publicBaseUrl = null;
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response create(@PathParam("orgId") String id, String body) {
    String adminEmail = JsonBodies.requiredString(JsonBodies.object(body), "adminEmail");
    tenant.enter(id);
    IssuedSetupLink issued = links.issue(id, adminEmail.strip());
    JsonObject json =
        JSON.createObjectBuilder()
            .add("url", publicBaseUrl + "/console/#setup/" + id + "/" + issued.secret())
            .add("expiresAt", issued.expiresAt().toString())
            .add("userName", issued.userName())
            .build();
    return Response.status(Response.Status.CREATED).entity(json).build();
  }
}
