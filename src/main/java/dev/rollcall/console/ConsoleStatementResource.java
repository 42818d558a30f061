package dev.rollcall.console;

import static dev.rollcall.json.JsonFactory.JSON;

import dev.rollcall.api.StatementResource;
import dev.rollcall.statement.ResultTable;
import dev.rollcall.statement.TableRenderer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code POST /statements}: one statement, run as the signed-in member; the answer is the statement
 * API's JSON plus the boxed table as {@code text}.
 */
@Path("statements")
@ApplicationScoped
public class ConsoleStatementResource {
  private final TableRenderer renderer = new TableRenderer();
  private final StatementRunner runner;

  @Inject
  public ConsoleStatementResource(StatementRunner runner) {
    this.runner = runner;
  }

  public ConsoleStatementResource() {
    this(null);
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject run(String text) {
    ResultTable table = runner.run(text == null ? "" : text);
    return JSON.createObjectBuilder(StatementResource.toJson(table))
        .add("text", renderer.render(table))
        .build();
  }
}
