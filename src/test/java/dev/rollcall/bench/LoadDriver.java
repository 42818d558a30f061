package dev.rollcall.bench;

import dev.rollcall.it.Http;
import dev.rollcall.it.Http.Organization;
import dev.rollcall.it.Http.Reply;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replays identity-provider traffic against a running Rollcall, given only its base URI and
 * operator token: a fresh organization with an Okta integration (as the README sets one up), users
 * seeded through SCIM /Bulk, then one timed scenario after another. Loopback only; every scenario
 * is bounded by count and time ({@link Sizes}).
 */
public final class LoadDriver {
  static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  static final String BULK = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
  static final int BULK_OPERATIONS = 1000;
  static final int PAGE = 100;

  private final Http http;
  private final Sizes sizes;
  private final String domain = UUID.randomUUID().toString().substring(0, 8) + ".bench.example";
  private Organization org;
  private String token;
  private String[] userIds;

  public LoadDriver(Http http, Sizes sizes) {
    this.http = http;
    this.sizes = sizes;
  }

  /** Runs every scenario in order and returns one figure per operation. */
  public List<Stat> run() {
    org = http.createOrganization("Bench " + domain, "admin@" + domain);
    token = http.oktaIntegration(org);
    // Untimed first use: the integration token's first authentication records when it was used.
    ok(scim("GET", "/ServiceProviderConfig", null), 200);
    seed();
    String group = group();
    warmUp(group);
    List<Stat> stats = new ArrayList<>();
    stats.add(
        timed(
            Operation.FLOOR,
            sizes.floor(),
            i -> ok(scim("GET", "/ServiceProviderConfig", null), 200)));
    stats.add(bulk());
    stats.add(timed(Operation.CREATE, sizes.creates(), i -> createUser("new" + i)));
    stats.add(timed(Operation.LOOKUP, sizes.lookups(), i -> lookup(randomSeeded())));
    stats.add(importAll());
    stats.addAll(groupPatches(group));
    stats.add(timed(Operation.MIXED, sizes.mixed(), this::mixed));
    stats.addAll(cpuPerRequest());
    return stats;
  }

  /**
   * The server-CPU-per-request scenarios of this organization ({@link CpuTable}), each over a
   * steady window after a warm-up of its own. They come last: their creates grow the organization.
   */
  private List<Stat> cpuPerRequest() {
    int users = sizes.users();
    return List.of(
        steady(CpuTable.FLOOR, 1, i -> ok(scim("GET", "/ServiceProviderConfig", null), 200)),
        steady(CpuTable.CREATE, CpuTable.CREATE_CLIENTS, i -> createUser("steady" + i)),
        steady(
            CpuTable.GET,
            1,
            i -> ok(scim("GET", "/Users/" + userIds[(int) (i * 7919L % users)], null), 200)),
        steady(
            CpuTable.PAGE,
            1,
            i -> {
              int first = (int) (i * 7919L % Math.max(1, users / PAGE)) * PAGE + 1;
              Reply reply = scim("GET", "/Users?startIndex=" + first + "&count=" + PAGE, null);
              int total = ok(reply, 200) ? reply.json().getInt("totalResults") : 0;
              return reply.json().getJsonArray("Resources").size()
                  == Math.min(PAGE, total - first + 1);
            }));
  }

  private Stat steady(String operation, int threads, Runner.Call call) {
    return Runner.steady(operation, threads, sizes.cpuWarmup(), sizes.cpuWindow(), call);
  }

  /** Operation names, as the report prints them. */
  public static final class Operation {
    public static final String FLOOR = "GET /ServiceProviderConfig";
    public static final String BULK = "POST /Bulk (<=1000 users)";
    public static final String CREATE = "POST /Users (Okta burst)";
    public static final String LOOKUP = "GET /Users userName eq";
    public static final String IMPORT = "GET /Users count=100 page";
    public static final String GROUP_ADD = "PATCH /Groups add 1 member";
    public static final String GROUP_REMOVE = "PATCH /Groups remove 1 member";
    public static final String MIXED = "mixed 70% eq/20% GET/10% PUT";

    public static final List<String> ALL =
        List.of(FLOOR, BULK, CREATE, LOOKUP, IMPORT, GROUP_ADD, GROUP_REMOVE, MIXED);

    private Operation() {}
  }

  private Stat timed(String operation, int count, Runner.Call call) {
    return Runner.run(operation, sizes.threads(), count, sizes.maxPerScenario(), call);
  }

  private Stat serial(String operation, int count, Runner.Call call) {
    return Runner.run(operation, 1, count, sizes.maxPerScenario(), call);
  }

  private Reply scim(String method, String path, String body) {
    return http.scim(org, token, method, path, body);
  }

  /** True when the answer has that status; otherwise throws, naming what came back. */
  private static boolean ok(Reply reply, int status) {
    if (reply.status() != status) {
      String body = reply.body();
      throw new IllegalStateException(
          reply.status() + " " + body.substring(0, Math.min(300, body.length())));
    }
    return true;
  }

  private String userName(String local) {
    return local + "@" + domain;
  }

  /** The body Okta's SCIM 2.0 connector posts for a new user. */
  private static String oktaUser(String userName, int n) {
    return """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
         "userName":"%1$s","name":{"givenName":"Given%2$d","familyName":"Family%2$d"},
         "emails":[{"primary":true,"value":"%1$s","type":"work"}],
         "displayName":"Given%2$d Family%2$d","locale":"en-US","externalId":"00u%2$d",
         "groups":[],"password":"never-stored","active":true}
        """
        .formatted(userName, n);
  }

  private boolean createUser(String local) {
    return createUser(org, token, userName(local), local.hashCode());
  }

  private boolean createUser(Organization in, String inToken, String userName, int n) {
    return ok(http.scim(in, inToken, "POST", "/Users", oktaUser(userName, n)), 201);
  }

  /**
   * Every kind of request, untimed, so that the figures measure a server whose code paths are
   * compiled: {@code warmup} times each cheap kind and each create, fewer pages and group changes.
   * The creates go to an organization of their own, so the measured one keeps its size. A fresh
   * server spent two to four times its steady CPU per request over its first tens of thousands of
   * requests (JIT compilation; BENCHMARKS.md, fixes 13 and 21).
   */
  private void warmUp(String group) {
    String spare = userIds[sizes.users() - 1];
    int cheap = sizes.warmup();
    Organization warmOrg = http.createOrganization("Warm-up " + domain, "admin@warm." + domain);
    String warmToken = http.oktaIntegration(warmOrg);
    record Kind(int count, int threads, Runner.Call call) {}
    List<Kind> kinds =
        List.of(
            new Kind(
                cheap, sizes.threads(), i -> ok(scim("GET", "/ServiceProviderConfig", null), 200)),
            new Kind(
                cheap,
                sizes.threads(),
                i -> createUser(warmOrg, warmToken, "warm" + i + "@warm." + domain, i)),
            new Kind(cheap, sizes.threads(), i -> lookup(randomSeeded())),
            new Kind(cheap, sizes.threads(), this::mixed),
            new Kind(
                cheap / 10,
                sizes.threads(),
                i ->
                    ok(
                        scim(
                            "GET",
                            "/Users?startIndex=" + (i % 10 * PAGE + 1) + "&count=" + PAGE,
                            null),
                        200)),
            // one client for the group: Okta sends one group's changes in order
            new Kind(
                cheap / 5,
                1,
                i ->
                    scim("PATCH", "/Groups/" + group, addMember(spare)).status() / 100 == 2
                        && scim("PATCH", "/Groups/" + group, removeMember(spare)).status() / 100
                            == 2));
    for (int c = 0; c < kinds.size(); c++) {
      Kind kind = kinds.get(c);
      Stat warm =
          Runner.run(
              "warm-up",
              kind.threads(),
              Math.max(1, kind.count()),
              sizes.maxPerScenario(),
              kind.call());
      if (warm.errors() > 0) {
        throw new IllegalStateException(
            "warm-up request kind "
                + c
                + " failed "
                + warm.errors()
                + " times: "
                + warm.firstError());
      }
    }
  }

  /** Seeds {@code users} users through the in-container generator (untimed setup). */
  private void seed() {
    List<String> ids =
        new GeneratorClient(http).users(org, token, "user", domain, 0, sizes.users());
    userIds = ids.toArray(String[]::new);
  }

  /**
   * {@code bulkRequests} /Bulk requests of up to 1,000 user creations each, one client: the way a
   * generic SCIM client pushes a first import. Each request is one sample.
   */
  private Stat bulk() {
    int perRequest = Math.min(BULK_OPERATIONS, sizes.users());
    return Runner.run(
        Operation.BULK,
        1,
        sizes.bulkRequests(),
        sizes.maxPerScenario().multipliedBy(4),
        r -> {
          StringBuilder body =
              new StringBuilder("{\"schemas\":[\"" + BULK + "\"],\"Operations\":[");
          for (int i = 0; i < perRequest; i++) {
            body.append(i == 0 ? "" : ",")
                .append("{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"u")
                .append(i)
                .append("\",\"data\":")
                .append(oktaUser(userName("bulk" + r + "-" + i), i))
                .append('}');
          }
          Reply reply = scim("POST", "/Bulk", body.append("]}").toString());
          ok(reply, 200);
          List<JsonObject> results =
              reply.json().getJsonArray("Operations").getValuesAs(JsonObject.class);
          return results.size() == perRequest
              && results.stream().allMatch(result -> "201".equals(result.getString("status")));
        });
  }

  private int randomSeeded() {
    return ThreadLocalRandom.current().nextInt(sizes.users());
  }

  private static String eq(String userName) {
    return URLEncoder.encode("userName eq \"" + userName + "\"", StandardCharsets.UTF_8);
  }

  /** Okta's lookup before it creates or links a user. */
  private boolean lookup(int i) {
    Reply reply =
        scim("GET", "/Users?filter=" + eq(userName("user" + i)) + "&startIndex=1&count=100", null);
    return ok(reply, 200) && reply.json().getInt("totalResults") == 1;
  }

  /** A full import, as an identity provider's import job walks the pages: one after another. */
  private Stat importAll() {
    int total = scim("GET", "/Users?count=0", null).json().getInt("totalResults");
    int pages = (total + PAGE - 1) / PAGE;
    return serial(
        Operation.IMPORT,
        pages,
        p -> {
          Reply reply = scim("GET", "/Users?startIndex=" + (p * PAGE + 1) + "&count=" + PAGE, null);
          return ok(reply, 200)
              && reply.json().getJsonArray("Resources").size() == Math.min(PAGE, total - p * PAGE);
        });
  }

  /** A group holding the first {@code groupMembers} seeded users, added 1,000 per PATCH. */
  private String group() {
    Reply created = scim("POST", "/Groups", "{\"displayName\":\"Bench " + domain + "\"}");
    if (created.status() != 201) {
      throw new IllegalStateException("creating the group gave " + created.body());
    }
    String id = created.json().getString("id");
    for (int from = 0; from < sizes.groupMembers(); from += BULK_OPERATIONS) {
      StringBuilder values = new StringBuilder();
      for (int i = from; i < Math.min(sizes.groupMembers(), from + BULK_OPERATIONS); i++) {
        values
            .append(i == from ? "" : ",")
            .append("{\"value\":\"")
            .append(userIds[i])
            .append("\"}");
      }
      Reply added =
          scim("PATCH", "/Groups/" + id, memberPatch("add", "members", "[" + values + "]"));
      if (added.status() / 100 != 2) {
        throw new IllegalStateException("filling the group gave " + added.body());
      }
    }
    return id;
  }

  /** Okta's PATCH adding one member to a group. */
  static String addMember(String userId) {
    return memberPatch("add", "members", "[{\"value\":\"" + userId + "\"}]");
  }

  /** Okta's PATCH removing one member from a group. */
  static String removeMember(String userId) {
    return memberPatch("remove", "members[value eq \"" + userId + "\"]", null);
  }

  private static String memberPatch(String op, String path, String value) {
    return "{\"schemas\":[\""
        + PATCH_OP
        + "\"],\"Operations\":[{\"op\":\""
        + op
        + "\",\"path\":\""
        + path.replace("\"", "\\\"")
        + "\""
        + (value == null ? "" : ",\"value\":" + value)
        + "}]}";
  }

  /**
   * Okta's membership push: add one user, later remove them, one PATCH at a time (Okta sends one
   * group's changes in order). Users outside the group take turns, so the group keeps its size.
   */
  private List<Stat> groupPatches(String group) {
    int outside = sizes.users() - sizes.groupMembers();
    Stat add =
        serial(
            Operation.GROUP_ADD,
            sizes.patchPairs(),
            i -> {
              String user = userIds[sizes.groupMembers() + (i % outside)];
              return scim("PATCH", "/Groups/" + group, addMember(user)).status() / 100 == 2;
            });
    Stat remove =
        serial(
            Operation.GROUP_REMOVE,
            add.count(),
            i -> {
              String user = userIds[sizes.groupMembers() + (i % outside)];
              return scim("PATCH", "/Groups/" + group, removeMember(user)).status() / 100 == 2;
            });
    return List.of(add, remove);
  }

  /** 70% userName eq, 20% GET by id, 10% Okta's profile push (PUT of the whole user). */
  private boolean mixed(int i) {
    int user = (int) ((i * 7919L) % sizes.users());
    return switch (i % 10) {
      case 7, 8 -> ok(scim("GET", "/Users/" + userIds[user], null), 200);
      case 9 ->
          ok(
              scim(
                  "PUT",
                  "/Users/" + userIds[user],
                  oktaUser(userName("user" + user), user).replace("Given", "Changed")),
              200);
      default -> lookup(randomSeeded());
    };
  }
}
