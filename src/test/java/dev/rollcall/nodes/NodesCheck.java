package dev.rollcall.nodes;

import dev.rollcall.it.Http;
import dev.rollcall.it.Http.Fixture;
import dev.rollcall.it.Http.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The checks of .ci/nodes against servers started from the production package (.ci/nodes/multi-node
 * and .ci/nodes/outage start and stop them, and the database): several servers on one database
 * behave as one, and a server survives its database going away. Each check prints what it saw and
 * fails with an AssertionError. Run by the scripts, not by Maven.
 *
 * <p>The one-second promise is checked as a promise, not as a speed: after a change has been
 * answered, the check waits {@link #PROMISE_MILLIS} and then the first request to the other server
 * must see it; however slow the machine, a server that keeps its promise passes.
 */
public final class NodesCheck {
  static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
  static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  /** A change to SCIM access counts on every server within this time (README, Several servers). */
  static final long PROMISE_MILLIS = 1_000;

  /** A server serves again within this time of its database answering again. */
  static final long RECOVERY_MILLIS = 5_000;

  /** No request may take longer than this while the database is down: a 503, never a hang. */
  static final long OUTAGE_ANSWER_MILLIS = 20_000;

  private NodesCheck() {}

  public static void main(String[] args) throws Exception {
    switch (args.length == 0 ? "" : args[0]) {
      case "multi-node" -> multiNode(http(args[1]), http(args[2]));
      case "outage" -> outage(http(args[1]), args[2], args[3]);
      case "start-while-down" -> startWhileDown(http(args[1]), args[2]);
      case "kill9" -> kill9(http(args[1]), http(args[2]), args[3]);
      default ->
          throw new IllegalArgumentException(
              "usage: multi-node URL_A URL_B | outage URL STOP_DB START_DB"
                  + " | start-while-down URL START_DB | kill9 URL_A URL_B KILL_A");
    }
    System.out.println("== " + args[0] + ": all checks passed");
  }

  private static Http http(String url) {
    return new Http(URI.create(url));
  }

  // ---- several servers, one database ----

  static void multiNode(Http a, Http b) throws Exception {
    Fixture fixture = a.oktaFixture("Nodes", "admin@nodes.example");
    concurrentCreatesOfOneUserName(a, b, fixture);
    groupPatchesFromBothServersAllLand(a, b, fixture);
    accessChangesCountOnTheOtherServer(a, b, fixture);
  }

  /** Creates of one userName sent to both servers at once: exactly one 201, the others 409. */
  static void concurrentCreatesOfOneUserName(Http a, Http b, Fixture f) throws Exception {
    int rounds = 10;
    int each = 2; // requests per server and round
    ExecutorService pool = Executors.newFixedThreadPool(2 * each);
    try {
      for (int round = 0; round < rounds; round++) {
        String userName = "same-" + round + "-" + UUID.randomUUID() + "@nodes.example";
        CyclicBarrier start = new CyclicBarrier(2 * each);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 2 * each; i++) {
          Http server = i % 2 == 0 ? a : b;
          answers.add(
              pool.submit(
                  () -> {
                    start.await();
                    return server
                        .scim(f.org(), f.scimToken(), "POST", "/Users", user(userName))
                        .status();
                  }));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
          statuses.add(answer.get(2, TimeUnit.MINUTES));
        }
        Collections.sort(statuses);
        List<Integer> expected = new ArrayList<>(Collections.nCopies(2 * each - 1, 409));
        expected.add(0, 201);
        check(expected.equals(statuses), "creates of " + userName + " answered " + statuses);
        check(
            users(b, f, userName) == 1,
            userName + " exists " + users(b, f, userName) + " times, not once");
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.println(
        "concurrent creates: "
            + rounds
            + " userNames, each sent 4 times at once to two servers:"
            + " one 201 and three 409 each, one user each");
  }

  /** PATCHes adding members to one group, half to each server at once: every member is in it. */
  static void groupPatchesFromBothServersAllLand(Http a, Http b, Fixture f) throws Exception {
    int members = 20;
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < members; i++) {
      Reply created =
          a.scim(f.org(), f.scimToken(), "POST", "/Users", user("member-" + i + "@nodes.example"));
      check(created.status() == 201, "creating a member: " + created.status() + created.body());
      ids.add(created.json().getString("id"));
    }
    Reply group =
        b.scim(
            f.org(),
            f.scimToken(),
            "POST",
            "/Groups",
            "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"nodes-group\"}");
    check(group.status() == 201, "creating the group: " + group.status() + group.body());
    String groupId = group.json().getString("id");
    CyclicBarrier start = new CyclicBarrier(members);
    ExecutorService pool = Executors.newFixedThreadPool(members);
    List<Future<Reply>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < members; i++) {
        Http server = i % 2 == 0 ? a : b;
        String body =
            "{\"schemas\":[\"%s\"],\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"%s\"}]}]}"
                .formatted(PATCH_OP, ids.get(i));
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return server.scim(f.org(), f.scimToken(), "PATCH", "/Groups/" + groupId, body);
                }));
      }
      for (Future<Reply> answer : answers) {
        Reply reply = answer.get(2, TimeUnit.MINUTES);
        check(reply.status() == 204, "a member PATCH answered " + reply.status() + reply.body());
      }
    } finally {
      pool.shutdownNow();
    }
    for (Http server : List.of(a, b)) {
      Reply read = server.scim(f.org(), f.scimToken(), "GET", "/Groups/" + groupId, null);
      List<String> landed =
          read.json().getJsonArray("members").getValuesAs(jakarta.json.JsonObject.class).stream()
              .map(m -> m.getString("value"))
              .sorted()
              .toList();
      check(
          landed.equals(ids.stream().sorted().toList()),
          "the group holds " + landed.size() + " of " + members + " members on " + server.base());
    }
    System.out.println(
        "group PATCHes: "
            + members
            + " member adds to one group, half to each server at once:"
            + " all 204, all "
            + members
            + " members in the group on both servers");
  }

  /**
   * Renewing the token, revoking the run-as role's MANAGE_MEMBERS and dropping the integration on
   * one server: refused on the other once the promise's second has passed, though it remembered the
   * token.
   */
  static void accessChangesCountOnTheOtherServer(Http a, Http b, Fixture f) throws Exception {
    String token = f.scimToken();
    remembered(b, f, token);
    String renewed =
        a.ok(f.org(), f.adminToken(), "ALTER SECURITY INTEGRATION okta RENEW TOKEN")
            .column("Token")
            .get(0);
    Thread.sleep(PROMISE_MILLIS);
    expect(b, f, token, 401, "the renewed token on the other server");
    expect(b, f, renewed, 200, "the new token on the other server");
    expect(a, f, token, 401, "the renewed token on the server that renewed it");
    System.out.println("renewed token: refused on the other server after 1 s; the new one works");

    remembered(a, f, renewed);
    b.ok(
        f.org(),
        f.adminToken(),
        "REVOKE MANAGE_MEMBERS ON ORGANIZATION FROM ROLE okta_skim_provisioner");
    Thread.sleep(PROMISE_MILLIS);
    expect(a, f, renewed, 403, "the token of a run-as role without MANAGE_MEMBERS");
    a.ok(
        f.org(),
        f.adminToken(),
        "GRANT MANAGE_MEMBERS ON ORGANIZATION TO ROLE okta_skim_provisioner");
    expect(b, f, renewed, 200, "the token once MANAGE_MEMBERS is granted again");
    System.out.println(
        "REVOKE MANAGE_MEMBERS from the run-as role: 403 on the other server after 1 s");

    remembered(b, f, renewed);
    a.ok(f.org(), f.adminToken(), "DROP SECURITY INTEGRATION okta");
    Thread.sleep(PROMISE_MILLIS);
    expect(b, f, renewed, 401, "the token of a dropped integration on the other server");
    System.out.println("dropped integration: its token refused on the other server after 1 s");
  }

  /** Makes the server remember the token: it answers the token several times. */
  private static void remembered(Http server, Fixture f, String token) {
    for (int i = 0; i < 3; i++) {
      expect(server, f, token, 200, "a working token");
    }
  }

  private static void expect(Http server, Fixture f, String token, int status, String what) {
    Reply reply = server.scim(f.org(), token, "GET", "/Users?count=1", null);
    check(
        reply.status() == status,
        what + " (" + server.base() + ") answered " + reply.status() + ", not " + status);
  }

  // ---- database outages ----

  /** One request of the load and what came of it. */
  record Outcome(String kind, long startedAt, long endedAt, int status, boolean retryAfter) {}

  /**
   * SCIM creates and reads and statements from several clients while the database is stopped and
   * started again: while it is down every request answers 503 with Retry-After, quickly; readiness
   * is DOWN and liveness UP; from {@link #RECOVERY_MILLIS} after it answers again every request
   * succeeds; and every user answered 201 exists.
   */
  static void outage(Http server, String stopDatabase, String startDatabase) throws Exception {
    Fixture f = server.oktaFixture("Outage", "admin@outage.example");
    Load load = new Load(server, f, 4);
    load.start();
    Thread.sleep(2_000);
    run(stopDatabase);
    long down = System.nanoTime();
    Thread.sleep(3_000);
    Reply ready = server.send("GET", "health/ready", null, null, null, null);
    Reply live = server.send("GET", "health/live", null, null, null, null);
    check(
        ready.status() == 503 && ready.body().contains("DOWN"),
        "readiness while the database is down: " + ready.status() + " " + ready.body());
    check(
        live.status() == 200 && live.body().contains("UP"),
        "liveness while the database is down: " + live.status() + " " + live.body());
    Thread.sleep(1_000);
    long restart = System.nanoTime();
    run(startDatabase);
    long up = System.nanoTime();
    Thread.sleep(RECOVERY_MILLIS + 2_000);
    List<Outcome> outcomes = load.stop();

    long recovered = up + TimeUnit.MILLISECONDS.toNanos(RECOVERY_MILLIS);
    Map<String, Integer> during = new TreeMap<>();
    int after = 0;
    for (Outcome o : outcomes) {
      check(
          o.status() != 409 && o.status() != 500 && o.status() != -1,
          o.kind() + " answered " + o.status() + " around the outage");
      if (o.startedAt() > down && o.endedAt() < restart) {
        check(
            o.status() == 503 && o.retryAfter(),
            o.kind()
                + " while the database was down: "
                + o.status()
                + " (retryAfter "
                + o.retryAfter()
                + ")");
        check(
            o.endedAt() - o.startedAt() < TimeUnit.MILLISECONDS.toNanos(OUTAGE_ANSWER_MILLIS),
            o.kind() + " while the database was down took over " + OUTAGE_ANSWER_MILLIS + " ms");
        during.merge(o.kind(), 1, Integer::sum);
      }
      if (o.startedAt() > recovered) {
        check(o.status() / 100 == 2, o.kind() + " after recovery answered " + o.status());
        after++;
      }
    }
    check(during.keySet().size() == 3, "no 503 of every kind while down: " + during);
    check(after > 0, "no request after recovery");
    Reply readyAgain = server.send("GET", "health/ready", null, null, null, null);
    check(readyAgain.status() == 200, "readiness after recovery: " + readyAgain.body());
    int created = load.created.size();
    for (String userName : load.created) {
      check(users(server, f, userName) == 1, userName + " was answered 201 but does not exist");
    }
    System.out.println(
        "outage: 503 with Retry-After while down "
            + during
            + ", readiness DOWN / liveness UP, "
            + after
            + " requests succeeded from 5 s after the database was back, all "
            + created
            + " users answered 201 exist");
  }

  /**
   * A server started while its database was down: live, not ready, until the database is started;
   * then ready, and serving.
   */
  static void startWhileDown(Http server, String startDatabase) throws Exception {
    waitFor(server, "health/live", 200, 300);
    for (int i = 0; i < 5; i++) {
      Reply ready = server.send("GET", "health/ready", null, null, null, null);
      check(ready.status() == 503, "readiness without a database: " + ready.status());
      Thread.sleep(1_000);
    }
    // requests that reach it anyway are told to come back, in their API's format, never a 500
    Reply operator =
        server.send(
            "POST",
            "api/v1/organizations",
            Http.operatorToken(),
            "application/json",
            "application/json",
            "{\"name\":\"Early\",\"adminEmail\":\"admin@early.example\"}");
    Reply scim =
        server.send(
            "GET", "scim/v2/no-such-org/Users", "rc_scim_x", null, "application/scim+json", null);
    for (Reply early : List.of(operator, scim)) {
      check(
          early.status() == 503 && early.header("Retry-After").isPresent(),
          "a request before the schema is migrated: " + early.status() + " " + early.body());
    }
    check(
        scim.body().contains("urn:ietf:params:scim:api:messages:2.0:Error"),
        "the SCIM 503 in the SCIM error schema: " + scim.body());
    run(startDatabase);
    waitFor(server, "health/ready", 200, 120);
    Fixture f = server.oktaFixture("Late", "admin@late.example");
    Reply created =
        server.scim(f.org(), f.scimToken(), "POST", "/Users", user("late@late.example"));
    check(created.status() == 201, "a create once ready: " + created.status());
    System.out.println(
        "start while down: live and not ready for 5 s (requests 503), ready once the database"
            + " started, serving");
  }

  /** Kills a server with SIGKILL under create load: every user it answered 201 exists. */
  static void kill9(Http victim, Http other, String kill) throws Exception {
    Fixture f = other.oktaFixture("Kill", "admin@kill.example");
    Load load = new Load(victim, f, 6, true);
    load.start();
    while (load.created.size() < 100 && load.failed.get() == 0) {
      Thread.sleep(50);
    }
    run(kill);
    Thread.sleep(1_000);
    load.stop();
    check(!load.created.isEmpty(), "no user was created before the kill");
    for (String userName : load.created) {
      check(users(other, f, userName) == 1, userName + " was answered 201 but does not exist");
    }
    System.out.println(
        "kill -9 under create load: all " + load.created.size() + " users answered 201 exist");
  }

  /** Clients sending SCIM creates, SCIM reads and statements in turn until stopped. */
  static final class Load {
    final Http server;
    final Fixture f;
    final int clients;
    final boolean createsOnly;
    final AtomicBoolean running = new AtomicBoolean(true);
    final AtomicInteger failed = new AtomicInteger();
    final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> created = new ConcurrentLinkedQueue<>();
    final List<Thread> threads = new ArrayList<>();

    Load(Http server, Fixture f, int clients) {
      this(server, f, clients, false);
    }

    Load(Http server, Fixture f, int clients, boolean createsOnly) {
      this.server = server;
      this.f = f;
      this.clients = clients;
      this.createsOnly = createsOnly;
    }

    void start() {
      for (int c = 0; c < clients; c++) {
        int client = c;
        Thread thread =
            new Thread(
                () -> {
                  for (int n = 0; running.get(); n++) {
                    String kind =
                        createsOnly ? "create" : List.of("create", "read", "statement").get(n % 3);
                    String userName =
                        "load-" + client + "-" + n + "-" + UUID.randomUUID() + "@x.example";
                    long started = System.nanoTime();
                    Reply reply;
                    try {
                      reply =
                          switch (kind) {
                            case "create" ->
                                server.scim(
                                    f.org(), f.scimToken(), "POST", "/Users", user(userName));
                            case "read" ->
                                server.scim(f.org(), f.scimToken(), "GET", "/Users?count=5", null);
                            default -> server.statement(f.org(), f.adminToken(), "LIST ROLES");
                          };
                    } catch (UncheckedIOException | IllegalStateException e) {
                      failed.incrementAndGet(); // the server went away (kill9)
                      outcomes.add(new Outcome(kind, started, System.nanoTime(), -1, false));
                      if (createsOnly) {
                        return;
                      }
                      continue;
                    }
                    outcomes.add(
                        new Outcome(
                            kind,
                            started,
                            System.nanoTime(),
                            reply.status(),
                            reply.header("Retry-After").isPresent()));
                    if (kind.equals("create") && reply.status() == 201) {
                      created.add(userName);
                    }
                  }
                },
                "load-" + c);
        thread.start();
        threads.add(thread);
      }
    }

    List<Outcome> stop() throws InterruptedException {
      running.set(false);
      for (Thread thread : threads) {
        thread.join(120_000);
      }
      return new ArrayList<>(outcomes);
    }
  }

  // ---- helpers ----

  static String user(String userName) {
    return "{\"schemas\":[\"%s\"],\"userName\":\"%s\",\"emails\":[{\"value\":\"%s\",\"type\":\"work\",\"primary\":true}]}"
        .formatted(USER, userName, userName);
  }

  /** How many users of that userName the server finds. */
  static int users(Http server, Fixture f, String userName) {
    Reply reply =
        server.scim(
            f.org(),
            f.scimToken(),
            "GET",
            "/Users?filter="
                + java.net.URLEncoder.encode(
                    "userName eq \"" + userName + "\"", java.nio.charset.StandardCharsets.UTF_8),
            null);
    check(reply.status() == 200, "looking up " + userName + ": " + reply.status());
    return reply.json().getInt("totalResults");
  }

  private static void waitFor(Http server, String path, int status, int seconds)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    Function<String, Integer> probe =
        p -> {
          try {
            return server.send("GET", p, null, null, null, null).status();
          } catch (UncheckedIOException e) {
            return -1;
          }
        };
    while (probe.apply(path) != status) {
      check(
          System.nanoTime() < deadline,
          path + " did not answer " + status + " in " + seconds + " s");
      Thread.sleep(250);
    }
  }

  /** Runs a shell command of the calling script (stop or start the database, kill a server). */
  private static void run(String command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder("bash", "-c", command).inheritIO().start();
    check(process.waitFor() == 0, "command failed: " + command);
  }

  static void check(boolean condition, String message) {
    if (!condition) {
      throw new AssertionError(message);
    }
  }
}
