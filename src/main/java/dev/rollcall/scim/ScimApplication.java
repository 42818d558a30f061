package dev.rollcall.scim;

import dev.rollcall.scim.resource.BulkResource;
import dev.rollcall.scim.resource.DiscoveryResource;
import dev.rollcall.scim.resource.GroupsResource;
import dev.rollcall.scim.resource.RootSearchResource;
import dev.rollcall.scim.resource.UsersResource;
import dev.rollcall.web.SchemaGate;
import dev.rollcall.web.limits.BodyLimit;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * SCIM 2.0 (RFC 7644) under {@code /scim/v2/{orgId}}: one base URI per organization, the bearer
 * token deciding which integration calls. Every failure leaves in the SCIM error schema.
 *
 * <p>The resources are application-scoped, as are the operator and statement APIs': they keep no
 * request state (the caller is the request-scoped {@link ScimCaller}), so they and their EJB
 * proxies are built once rather than on every request.
 */
@ApplicationPath("/scim/v2")
public class ScimApplication extends Application {
  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(
        DiscoveryResource.class,
        UsersResource.class,
        GroupsResource.class,
        BulkResource.class,
        RootSearchResource.class,
        SchemaGate.class,
        ScimAuthentication.class,
        ScimRequestLog.class,
        BodyLimit.class,
        ScimExceptionMapper.class,
        ScimWebExceptionMapper.class,
        ScimMetrics.class);
  }
}
