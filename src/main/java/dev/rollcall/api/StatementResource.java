package dev.rollcall.api;

import static dev.rollcall.json.JsonFactory.JSON;

import dev.rollcall.statement.ResultTable;
import dev.rollcall.statement.StatementExecutor;
import dev.rollcall.statement.StatementParser;
import dev.rollcall.statement.TableRenderer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code POST /api/v1/organizations/{orgId}/statements}: one statement in the body, its result as
 * JSON {@code {"columns", "rows"}} or, for {@code Accept: text/plain}, as the boxed table.
 */
@Path("organizations/{orgId}/statements")
@ApplicationScoped
@MemberOnly
public class StatementResource {
  private final StatementParser parser = new StatementParser();
  private final TableRenderer renderer = new TableRenderer();
  private final StatementExecutor executor;
  private final Caller caller;

  @Inject
  public StatementResource(StatementExecutor executor, Caller caller) {
    this.executor = executor;
    this.caller = caller;
  }

  public StatementResource() {
    this(null, null);
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject executeAsJson(String text) {
    return toJson(execute(text));
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.TEXT_PLAIN)
  public String executeAsText(String text) {
    return renderer.render(execute(text));
  }

  private ResultTable execute(String text) {
    String statement = text == null ? "" : text;
    return executor.execute(caller.memberId(), parser.parse(statement), statement);
  }

  public static JsonObject toJson(ResultTable table) {
    JsonArrayBuilder columns = JSON.createArrayBuilder(table.columns());
    JsonArrayBuilder rows = JSON.createArrayBuilder();
    for (List<Object> row : table.rows()) {
      JsonArrayBuilder cells = JSON.createArrayBuilder();
      for (Object cell : row) {
        if (cell == null) {
          cells.addNull();
        } else if (cell instanceof Boolean b) {
          cells.add(b);
        } else if (cell instanceof Number n) {
          cells.add(JSON.createValue(new java.math.BigDecimal(n.toString())));
        } else {
          cells.add(cell.toString());
        }
      }
      rows.add(cells);
    }
    return JSON.createObjectBuilder().add("columns", columns).add("rows", rows).build();
  }
}
