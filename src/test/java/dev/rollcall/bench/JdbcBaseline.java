package dev.rollcall.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The database's own limit for the row shapes the SCIM figures touch: a table shaped like {@code
 * members} (the columns and indexes of changelogs 001 and 003), single-row insert+commit
 * transactions on {@code threads} connections, indexed {@code (org_id, user_name_key)} lookups, and
 * 100-row pages in creation order, on a table filled to the same size as the SCIM organization.
 *
 * <p>Derby: an embedded database of its own (Rollcall's is embedded in the server and cannot be
 * shared). MySQL/MariaDB: the server the application uses, in a database of its own ({@code
 * <name>_baseline}), so the application's schema is never touched.
 */
public final class JdbcBaseline {
  static final String TABLE = "bench_members";

  /** Where the baseline runs: a JDBC URL, credentials, and whether it is MySQL's dialect. */
  public record Target(String url, String user, String password, boolean mysql) {
    /** An embedded Derby database created fresh under {@code directory}. */
    public static Target derby(Path directory) {
      try {
        Files.createDirectories(directory.getParent());
        deleteRecursively(directory);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return new Target("jdbc:derby:" + directory.toAbsolutePath() + ";create=true", "", "", false);
    }

    /** The MySQL/MariaDB server named by the application's DB_* variables. */
    public static Target mysql(
        String host, String port, String database, String user, String password) {
      String url =
          "jdbc:mysql://"
              + host
              + ":"
              + port
              + "/"
              + database
              + "_baseline?createDatabaseIfNotExist=true&useSSL=false&allowPublicKeyRetrieval=true"
              // the server's data source settings (liberty/config/db/mysql.xml); the driver's
              // statement cache stands in for Liberty's
              + "&useServerPrepStmts=true&cachePrepStmts=true&useLocalSessionState=true"
              + "&cacheServerConfiguration=true&maintainTimeStats=false";
      return new Target(url, user, password, true);
    }

    /** From the same environment variables the server reads (README, Configuration). */
    public static Target fromEnvironment(Path derbyDirectory) {
      if (!"mysql".equalsIgnoreCase(env("DB_KIND", "derby"))) {
        return derby(derbyDirectory);
      }
      return mysql(
          env("DB_HOST", "127.0.0.1"),
          env("DB_PORT", "3306"),
          env("DB_NAME", "rollcall"),
          env("DB_USER", "root"),
          env("DB_PASSWORD", ""));
    }

    public String describe() {
      return mysql ? url.replaceAll("\\?.*", "") + " (MySQL/MariaDB)" : url + " (embedded Derby)";
    }
  }

  /** The limit figures, as {@link Stat}s so the report treats them like the SCIM ones. */
  /**
   * @param insertCommit single-row insert+commit on {@code threads} connections
   * @param insertCommitAlone the same on one connection: the latency of a durable commit, which no
   *     request that writes can answer faster than
   */
  public record Result(Stat insertCommit, Stat insertCommitAlone, Stat lookup, Stat page) {
    List<Stat> all() {
      return List.of(insertCommit, insertCommitAlone, lookup, page);
    }
  }

  static final String INSERT_COMMIT_ALONE = "jdbc insert+commit, 1 connection";

  private final Target target;
  private final Sizes sizes;

  public JdbcBaseline(Target target, Sizes sizes) {
    this.target = target;
    this.sizes = sizes;
  }

  /**
   * The MySQL/MariaDB settings the figures depend on most (the buffer pool decides whether a
   * look-up at 1M users reads from memory), or "" on Derby.
   */
  public String databaseSettings() throws SQLException {
    if (!target.mysql()) {
      return "";
    }
    try (Connection c = connect();
        var statement = c.createStatement();
        var rows =
            statement.executeQuery(
                "SELECT @@innodb_buffer_pool_size, @@innodb_flush_log_at_trx_commit")) {
      rows.next();
      return "innodb_buffer_pool_size "
          + rows.getLong(1) / (1024 * 1024)
          + " MiB, innodb_flush_log_at_trx_commit "
          + rows.getInt(2);
    }
  }

  public Result measure() throws SQLException {
    String org = UUID.randomUUID().toString();
    try (Connection setup = connect()) {
      createTable(setup);
    }
    List<Connection> connections = new ArrayList<>();
    try {
      for (int t = 0; t < sizes.threads(); t++) {
        connections.add(connect());
      }
      // untimed first, as the SCIM scenarios are warmed up: the driver's first inserts ran with
      // the JDBC driver (and embedded Derby) not yet compiled, at 2 ms of the driver's CPU each
      // on two cores the database shares, which measured the JIT rather than the database
      String warmUp = UUID.randomUUID().toString();
      Runner.run(
          "warm-up",
          sizes.threads(),
          sizes.baselineCommits(),
          sizes.maxPerScenario(),
          perThread(connections, insertCommit(warmUp)));
      Stat insert =
          Runner.run(
              "jdbc insert+commit",
              sizes.threads(),
              sizes.baselineCommits(),
              sizes.maxPerScenario(),
              perThread(connections, insertCommit(org)));
      String alone = UUID.randomUUID().toString();
      Stat insertAlone =
          Runner.run(
              INSERT_COMMIT_ALONE,
              1,
              sizes.baselineCommits(),
              sizes.maxPerScenario(),
              perThread(connections.subList(0, 1), insertCommit(alone)));
      fill(connections.get(0), org, insert.count(), sizes.users());
      Runner.run(
          "warm-up",
          sizes.threads(),
          sizes.baselineLookups() / 4,
          sizes.maxPerScenario(),
          perThread(
              connections,
              (c, i) -> lookup(c, org, ThreadLocalRandom.current().nextInt(sizes.users()))));
      Stat lookup =
          Runner.run(
              "jdbc indexed lookup",
              sizes.threads(),
              sizes.baselineLookups(),
              sizes.maxPerScenario(),
              perThread(
                  connections,
                  (c, i) -> lookup(c, org, ThreadLocalRandom.current().nextInt(sizes.users()))));
      int pages = Math.max(1, (sizes.users() + 99) / 100);
      Stat page =
          Runner.run(
              "jdbc 100-row page",
              sizes.threads(),
              Math.max(pages, sizes.baselineLookups() / 10),
              sizes.maxPerScenario(),
              perThread(connections, (c, i) -> page(c, org, (i % pages) * 100)));
      return new Result(insert, insertAlone, lookup, page);
    } finally {
      for (Connection c : connections) {
        c.close();
      }
      if (!target.mysql()) {
        shutdownDerby();
      }
    }
  }

  private Connection connect() throws SQLException {
    Connection c = DriverManager.getConnection(target.url(), target.user(), target.password());
    c.setAutoCommit(false);
    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    return c;
  }

  /** A call on a JDBC connection. */
  @FunctionalInterface
  private interface JdbcCall {
    boolean run(Connection c, int i) throws Exception;
  }

  /** One member row of the organization {@code org}, in a transaction of its own. */
  private static JdbcCall insertCommit(String org) {
    return (c, i) -> {
      insert(c, org, i);
      c.commit();
      return true;
    };
  }

  /** Each of a run's threads gets a connection of its own, for that run only. */
  private static Runner.Call perThread(List<Connection> connections, JdbcCall call) {
    java.util.concurrent.atomic.AtomicInteger handedOut =
        new java.util.concurrent.atomic.AtomicInteger();
    ThreadLocal<Connection> mine =
        ThreadLocal.withInitial(() -> connections.get(handedOut.getAndIncrement()));
    return i -> call.run(mine.get(), i);
  }

  private void createTable(Connection c) throws SQLException {
    String clob = target.mysql() ? "LONGTEXT" : "CLOB";
    String suffix =
        target.mysql() ? " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin" : "";
    try (Statement s = c.createStatement()) {
      try {
        s.execute("DROP TABLE " + TABLE);
      } catch (SQLException absent) {
        c.rollback();
      }
      s.execute(
          """
          CREATE TABLE %s (
            org_id VARCHAR(36) NOT NULL, id VARCHAR(36) NOT NULL,
            user_name VARCHAR(255) NOT NULL, user_name_key VARCHAR(255) NOT NULL,
            email VARCHAR(320), email_key VARCHAR(320), given_name VARCHAR(255),
            family_name VARCHAR(255), display_name VARCHAR(255), external_id VARCHAR(255),
            active BOOLEAN NOT NULL, managed_by VARCHAR(36), created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL, version BIGINT NOT NULL,
            display_name_key VARCHAR(255), formatted_name VARCHAR(512), middle_name VARCHAR(255),
            honorific_prefix VARCHAR(64), honorific_suffix VARCHAR(64), nick_name VARCHAR(255),
            profile_url VARCHAR(1024), title VARCHAR(255), user_type VARCHAR(255),
            preferred_language VARCHAR(64), locale VARCHAR(64), timezone VARCHAR(64),
            employee_number VARCHAR(255), cost_center VARCHAR(255),
            organization_name VARCHAR(255), division VARCHAR(255), department VARCHAR(255),
            manager_id VARCHAR(255), scim_attributes %2$s, emails %2$s,
            CONSTRAINT pk_%1$s PRIMARY KEY (org_id, id),
            CONSTRAINT uk_%1$s_user_name UNIQUE (org_id, user_name_key))%3$s
          """
              .formatted(TABLE, clob, suffix));
      String[][] indexes = {
        {"email", "org_id, email_key"},
        {"external_id", "org_id, external_id"},
        {"created", "org_id, created_at, id"},
        {"display_name", "org_id, display_name_key"},
        {"managed_by", "org_id, managed_by"}
      };
      for (String[] index : indexes) {
        s.execute("CREATE INDEX ix_%s_%s ON %s (%s)".formatted(TABLE, index[0], TABLE, index[1]));
      }
    }
    c.commit();
  }

  private static String userName(int i) {
    return "user" + i + "@baseline.example";
  }

  /** One row as a provisioned Okta user has it. */
  private static void insert(Connection c, String org, int i) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO "
                + TABLE
                + " (org_id, id, user_name, user_name_key, email, email_key, given_name,"
                + " family_name, display_name, display_name_key, external_id, active, managed_by,"
                + " locale, created_at, updated_at, version, emails) VALUES"
                + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      String name = userName(i);
      long now = System.currentTimeMillis();
      insert.setString(1, org);
      insert.setString(2, UUID.randomUUID().toString());
      insert.setString(3, name);
      insert.setString(4, name);
      insert.setString(5, name);
      insert.setString(6, name);
      insert.setString(7, "Given" + i);
      insert.setString(8, "Family" + i);
      insert.setString(9, "Given" + i + " Family" + i);
      insert.setString(10, ("given" + i + " family" + i));
      insert.setString(11, "00u" + i);
      insert.setBoolean(12, true);
      insert.setString(13, UUID.randomUUID().toString());
      insert.setString(14, "en-US");
      insert.setLong(15, now);
      insert.setLong(16, now);
      insert.setLong(17, 1);
      // the member's emails, as the server keeps them in the row
      insert.setString(18, "[{\"value\":\"" + name + "\",\"type\":\"work\",\"primary\":true}]");
      insert.executeUpdate();
    }
  }

  /** Untimed: the rest of the rows up to the SCIM organization's size, 1,000 per commit. */
  private static void fill(Connection c, String org, int from, int to) throws SQLException {
    for (int i = from; i < to; i++) {
      insert(c, org, i);
      if ((i - from) % 1000 == 999) {
        c.commit();
      }
    }
    c.commit();
  }

  private static boolean lookup(Connection c, String org, int i) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT * FROM " + TABLE + " WHERE org_id = ? AND user_name_key = ?")) {
      select.setString(1, org);
      select.setString(2, userName(i));
      try (ResultSet rows = select.executeQuery()) {
        boolean found = rows.next();
        c.commit();
        return found;
      }
    }
  }

  private boolean page(Connection c, String org, int offset) throws SQLException {
    String paging =
        target.mysql() ? " LIMIT 100 OFFSET ?" : " OFFSET ? ROWS FETCH NEXT 100 ROWS ONLY";
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT * FROM " + TABLE + " WHERE org_id = ? ORDER BY created_at, id" + paging)) {
      select.setString(1, org);
      select.setInt(2, offset);
      int n = 0;
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          n++;
        }
      }
      c.commit();
      return n > 0;
    }
  }

  private void shutdownDerby() {
    try {
      DriverManager.getConnection(target.url().replace(";create=true", ";shutdown=true"));
    } catch (SQLException expected) {
      // Derby reports a clean shutdown as an exception.
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private static void deleteRecursively(Path directory) throws java.io.IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (var paths = Files.walk(directory)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
