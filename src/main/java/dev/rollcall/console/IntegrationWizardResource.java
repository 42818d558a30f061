package dev.rollcall.console;

import static dev.rollcall.json.JsonFactory.JSON;

import dev.rollcall.api.ApiExceptionMapper;
import dev.rollcall.api.JsonBodies;
import dev.rollcall.application.MemberDirectory;
import dev.rollcall.domain.RollcallException;
import dev.rollcall.statement.ResultTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The setup wizard's steps, each a statement run as the session's member (a setup-link session may
 * use these and nothing else): list the integrations, create one with its run-as role, renew one's
 * token, and watch for its identity provider's first requests.
 */
@Path("integrations")
@ApplicationScoped
public class IntegrationWizardResource {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}");
  private static final Set<String> CLIENTS = Set.of("OKTA", "ENTRA_ID", "GENERIC");
  private static final String MANAGE_MEMBERS = "MANAGE_MEMBERS";

  private final StatementRunner runner;
  private final MemberDirectory directory;

  @Inject
  public IntegrationWizardResource(StatementRunner runner, MemberDirectory directory) {
    this.runner = runner;
    this.directory = directory;
  }

  public IntegrationWizardResource() {
    this(null, null);
  }

  /** Every integration with what LIST shows, plus what DESCRIBE adds (last event and error). */
  @GET
  @SetupAllowed
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject list() {
    JsonArrayBuilder items = JSON.createArrayBuilder();
    for (Map<String, Object> listed :
        StatementRunner.records(runner.run("LIST SECURITY INTEGRATIONS"))) {
      String name = (String) listed.get("Name");
      Map<String, Object> described =
          StatementRunner.records(
                  runner.run("DESCRIBE SECURITY INTEGRATION " + StatementRunner.name(name)))
              .get(0);
      JsonObjectBuilder item = JSON.createObjectBuilder();
      described.forEach((column, value) -> add(item, column, value));
      listed.forEach((column, value) -> add(item, column, value));
      items.add(item);
    }
    return JSON.createObjectBuilder().add("items", items).build();
  }

  /**
   * Body {@code {"client", "name", "runAsRole"}}: creates the run-as role if it is missing, grants
   * it MANAGE_MEMBERS if it lacks it, then creates the integration. The answer lists each step
   * taken and the Uri and Token, shown this once. A refusal names the field it concerns.
   */
  @POST
  @SetupAllowed
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response create(String body) {
    JsonObject json = JsonBodies.object(body);
    String client = JsonBodies.requiredString(json, "client").strip().toUpperCase(Locale.ROOT);
    String name = JsonBodies.requiredString(json, "name").strip();
    String role = JsonBodies.requiredString(json, "runAsRole").strip();
    if (!CLIENTS.contains(client)) {
      return fieldError("client", "client must be OKTA, ENTRA_ID or GENERIC");
    }
    if (!NAME.matcher(name).matches()) {
      return fieldError(
          "name",
          "The name must be 1 to 64 letters, digits, '_', '.' or '-' (not starting with '.' or '-')");
    }
    if (!NAME.matcher(role).matches()) {
      return fieldError(
          "runAsRole",
          "The role must be 1 to 64 letters, digits, '_', '.' or '-' (not starting with '.' or '-')");
    }
    JsonArrayBuilder steps = JSON.createArrayBuilder();
    try {
      steps.add(summary(runner.run("CREATE ROLE IF NOT EXISTS " + StatementRunner.name(role))));
      String privileges =
          (String)
              StatementRunner.records(runner.run("DESCRIBE ROLE " + StatementRunner.name(role)))
                  .get(0)
                  .get("Privileges");
      if (privileges == null || !List.of(privileges.split(", ")).contains(MANAGE_MEMBERS)) {
        steps.add(
            summary(
                runner.run(
                    "GRANT MANAGE_MEMBERS ON ORGANIZATION TO ROLE " + StatementRunner.name(role))));
      }
    } catch (RollcallException e) {
      return fieldError("runAsRole", e);
    }
    ResultTable created;
    try {
      created =
          runner.run(
              "CREATE SECURITY INTEGRATION "
                  + StatementRunner.name(name)
                  + " WITH ('type' = SCIM, 'scim.client' = "
                  + client
                  + ", 'scim.run_as_role' = "
                  + StatementRunner.name(role)
                  + ")");
    } catch (RollcallException e) {
      return fieldError("name", e);
    }
    steps.add(summary(created));
    return Response.status(Response.Status.CREATED)
        .entity(issued(created).add("steps", steps).build())
        .build();
  }

  /** A new token for the integration (the old one stops working), shown this once. */
  @POST
  @Path("{name}/renew")
  @SetupAllowed
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject renew(@PathParam("name") String name) {
    return issued(
            runner.run("ALTER SECURITY INTEGRATION " + StatementRunner.name(name) + " RENEW TOKEN"))
        .build();
  }

  /**
   * Whether the identity provider has called yet: when its token was last used, how many members it
   * has provisioned, and its last event and error where DESCRIBE shows them.
   */
  @GET
  @Path("{name}/status")
  @SetupAllowed
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject status(@PathParam("name") String name) {
    Map<String, Object> described =
        StatementRunner.records(
                runner.run("DESCRIBE SECURITY INTEGRATION " + StatementRunner.name(name)))
            .get(0);
    JsonObjectBuilder status =
        JSON.createObjectBuilder()
            .add("name", name)
            .add("client", String.valueOf(described.get("Client")))
            .add("users", directory.provisionedBy(name));
    add(status, "tokenLastUsedAt", described.get("Token Last Used At"));
    add(status, "lastEventAt", described.get("Last Event At"));
    add(status, "lastError", described.get("Last Error"));
    return status.build();
  }

  private static JsonObjectBuilder issued(ResultTable table) {
    Map<String, Object> row = StatementRunner.records(table).get(0);
    return JSON.createObjectBuilder()
        .add("name", String.valueOf(row.get("Name")))
        .add("uri", String.valueOf(row.get("Uri")))
        .add("token", String.valueOf(row.get("Token")))
        .add("expiresAt", String.valueOf(row.get("Expires At")));
  }

  private static String summary(ResultTable table) {
    return String.valueOf(StatementRunner.records(table).get(0).get("Summary"));
  }

  private static void add(JsonObjectBuilder json, String key, Object value) {
    if (value == null) {
      json.addNull(key);
    } else if (value instanceof Boolean b) {
      json.add(key, b);
    } else {
      json.add(key, value.toString());
    }
  }

  private static Response fieldError(String field, String message) {
    return Response.status(Response.Status.BAD_REQUEST)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(
            JSON.createObjectBuilder()
                .add("status", 400)
                .add("error", "invalid_request")
                .add("message", message)
                .add("field", field)
                .build())
        .build();
  }

  /** The statement API's answer to the failure, naming the wizard field it concerns. */
  private static Response fieldError(String field, RollcallException e) {
    Response mapped = new ApiExceptionMapper().toResponse(e);
    JsonObject body = (JsonObject) mapped.getEntity();
    return Response.fromResponse(mapped)
        .entity(JSON.createObjectBuilder(body).add("field", field).build())
        .build();
  }
}
