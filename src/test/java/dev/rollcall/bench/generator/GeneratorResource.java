package dev.rollcall.bench.generator;

import dev.rollcall.api.OperatorOnly;
import dev.rollcall.application.SecurityIntegrationService;
import dev.rollcall.application.SecurityIntegrationService.ScimPrincipal;
import dev.rollcall.application.tenancy.TenantContext;
import dev.rollcall.domain.member.Member;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import javax.sql.DataSource;

/**
 * The benchmark's in-container side, deployed only in the benchmark's WAR ({@link BenchWar}), never
 * in the product: loads users and groups through the services ({@link DataGenerator}), measures the
 * raw JDBC read rate of an organization's users on the server's own data source, and reports the
 * server's heap. Operator token only; each call names the organization and one of its integration
 * tokens, and acts as that integration, exactly as a SCIM request would.
 */
@Path("orgs/{org}")
@RequestScoped
@OperatorOnly
@Produces(MediaType.APPLICATION_JSON)
public class GeneratorResource {
  static final String INTEGRATION_TOKEN = "X-Integration-Token";

  @Inject TenantContext tenant;
  @Inject SecurityIntegrationService integrations;
  @Inject DataGenerator generator;

  @Resource(lookup = "jdbc/rollcall")
  DataSource dataSource;

  /** Users {@code prefix<from>@domain} onwards, {@code batch} per transaction; their ids. */
  @POST
  @Path("users")
  public JsonObject users(
      @PathParam("org") String org,
      @HeaderParam(INTEGRATION_TOKEN) String token,
      @QueryParam("prefix") String prefix,
      @QueryParam("domain") String domain,
      @QueryParam("from") int from,
      @QueryParam("count") int count,
      @QueryParam("batch") @DefaultValue("500") int batch) {
    ScimPrincipal caller = enter(org, token);
    JsonArrayBuilder ids = Json.createArrayBuilder();
    for (int start = from; start < from + count; start += batch) {
      generator
          .createUsers(caller, prefix, domain, start, Math.min(from + count, start + batch))
          .forEach(ids::add);
    }
    return Json.createObjectBuilder().add("ids", ids).build();
  }

  /** A group managed by the integration, holding the members in the body (a JSON array of ids). */
  @POST
  @Path("groups")
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject group(
      @PathParam("org") String org,
      @HeaderParam(INTEGRATION_TOKEN) String token,
      @QueryParam("name") String name,
      @QueryParam("batch") @DefaultValue("1000") int batch,
      JsonArray members) {
    ScimPrincipal caller = enter(org, token);
    String id = generator.createGroup(caller, name);
    List<String> all = members.getValuesAs(JsonString::getString);
    for (int start = 0; start < all.size(); start += batch) {
      generator.addMembers(
          caller, id, new LinkedHashSet<>(all.subList(start, Math.min(all.size(), start + batch))));
    }
    return Json.createObjectBuilder().add("id", id).build();
  }

  /**
   * The database's own read rate for what an import page shows: the organization's members in the
   * SCIM listing's order ({@code created_at, id}), {@code pageSize} per OFFSET page (emails are in
   * the rows), each page with its members' group memberships. Every column is read; each page's
   * time is returned.
   */
  @GET
  @Path("jdbc-import")
  public JsonObject jdbcImport(
      @PathParam("org") String org, @QueryParam("pageSize") @DefaultValue("100") int pageSize)
      throws SQLException {
    JsonArrayBuilder pageNanos = Json.createArrayBuilder();
    long rows = 0;
    try (Connection connection = dataSource.getConnection()) {
      connection.setReadOnly(true);
      boolean derby = connection.getMetaData().getDatabaseProductName().contains("Derby");
      String page =
          "SELECT * FROM members WHERE org_id = ? ORDER BY created_at, id "
              + (derby ? "OFFSET ? ROWS FETCH NEXT ? ROWS ONLY" : "LIMIT ? OFFSET ?");
      for (int offset = 0; ; offset += pageSize) {
        long start = System.nanoTime();
        List<String> ids = new ArrayList<>(pageSize);
        try (PreparedStatement statement = connection.prepareStatement(page)) {
          statement.setString(1, org);
          statement.setInt(derby ? 2 : 3, offset);
          statement.setInt(derby ? 3 : 2, pageSize);
          rows += readAll(statement, ids);
        }
        if (!ids.isEmpty()) {
          rows += readIn(connection, "member_roles", org, ids);
        }
        pageNanos.add(System.nanoTime() - start);
        if (ids.size() < pageSize) {
          break;
        }
      }
    }
    return Json.createObjectBuilder().add("rows", rows).add("pageNanos", pageNanos).build();
  }

  /**
   * The database's own rate for what a {@code userName eq} look-up reads, at the data's current
   * size: {@code count} look-ups of a random user {@code prefix<i>@<domain of org>} (i below {@code
   * perOrg}) of a random organization of the body's {@code orgs}/{@code domains}, each the member
   * row by {@code (org_id, user_name_key)} (emails are in the row) and the count of its roles, as
   * one statement, on one connection of the server's data source; each look-up's time is returned.
   */
  @POST
  @Path("jdbc-lookups")
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject jdbcLookups(
      @PathParam("org") String org,
      @QueryParam("prefix") String prefix,
      @QueryParam("perOrg") int perOrg,
      @QueryParam("count") int count,
      JsonObject body)
      throws SQLException {
    List<String> orgs = body.getJsonArray("orgs").getValuesAs(JsonString::getString);
    List<String> domains = body.getJsonArray("domains").getValuesAs(JsonString::getString);
    JsonArrayBuilder nanos = Json.createArrayBuilder();
    var random = java.util.concurrent.ThreadLocalRandom.current();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement member =
            connection.prepareStatement(
                "SELECT m.*, (SELECT COUNT(*) FROM member_roles g WHERE g.org_id = m.org_id"
                    + " AND g.member_id = m.id) FROM members m"
                    + " WHERE m.org_id = ? AND m.user_name_key = ?")) {
      connection.setReadOnly(true);
      for (int i = 0; i < count; i++) {
        int o = random.nextInt(orgs.size());
        String userName = prefix + random.nextInt(perOrg) + "@" + domains.get(o);
        long start = System.nanoTime();
        member.setString(1, orgs.get(o));
        member.setString(2, Member.key(userName));
        List<String> ids = new ArrayList<>(1);
        if (readAll(member, ids) != 1) {
          throw new IllegalStateException("no member " + userName);
        }
        nanos.add(System.nanoTime() - start);
      }
    }
    return Json.createObjectBuilder().add("nanos", nanos).build();
  }

  /** Heap in use after a full collection, committed and maximum heap (bytes). */
  @GET
  @Path("heap")
  public JsonObject heap(@PathParam("org") String org) {
    var memory = ManagementFactory.getMemoryMXBean();
    memory.gc();
    var heap = memory.getHeapMemoryUsage();
    return Json.createObjectBuilder()
        .add("usedAfterGc", heap.getUsed())
        .add("committed", heap.getCommitted())
        .add("max", heap.getMax())
        .build();
  }

  private ScimPrincipal enter(String org, String token) {
    tenant.enter(org);
    return integrations.authenticate(token);
  }

  private static int readAll(PreparedStatement statement, List<String> ids) throws SQLException {
    int rows = 0;
    try (ResultSet result = statement.executeQuery()) {
      int columns = result.getMetaData().getColumnCount();
      int idColumn = ids == null ? 0 : result.findColumn("id");
      while (result.next()) {
        for (int c = 1; c <= columns; c++) {
          // a CLOB's text, as the server reads it (Derby's getObject would leave it unread)
          if (result.getMetaData().getColumnType(c) == java.sql.Types.CLOB) {
            result.getString(c);
          } else {
            result.getObject(c);
          }
        }
        if (ids != null) {
          ids.add(result.getString(idColumn));
        }
        rows++;
      }
    }
    return rows;
  }

  private static int readIn(Connection connection, String table, String org, List<String> ids)
      throws SQLException {
    String sql =
        "SELECT * FROM "
            + table
            + " WHERE org_id = ? AND member_id IN ("
            + "?,".repeat(ids.size() - 1)
            + "?)";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, org);
      for (int i = 0; i < ids.size(); i++) {
        statement.setString(i + 2, ids.get(i));
      }
      return readAll(statement, null);
    }
  }
}
