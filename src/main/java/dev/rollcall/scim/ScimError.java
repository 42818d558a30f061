package dev.rollcall.scim;

import static dev.rollcall.json.JsonFactory.JSON;

import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;

/**
 * The RFC 7644 §3.12 error body: {@code schemas}, {@code status} as a string, {@code scimType},
 * {@code detail}.
 */
public final class ScimError {
  public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

  private ScimError() {}

  public static Response of(int status, String scimType, String detail) {
    JsonObjectBuilder body =
        JSON.createObjectBuilder()
            .add("schemas", JSON.createArrayBuilder().add(SCHEMA))
            .add("status", Integer.toString(status));
    if (scimType != null) {
      body.add("scimType", scimType);
    }
    body.add("detail", detail);
    return Response.status(status).type(ScimMediaType.SCIM_JSON_TYPE).entity(body.build()).build();
  }
}
