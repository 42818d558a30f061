# Shared by .ci/nodes/multi-node and .ci/nodes/outage (sourced): the production package, the check
# driver's classpath, Rollcall servers started from the package, and a private MariaDB instance.
# Every process started here is recorded in $out/pids and stopped by nodes_cleanup.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
operator_token=${NODES_OPERATOR_TOKEN:-$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')}

# Builds target/rollcall.jar (unless NODES_SKIP_BUILD=1 and it exists) and the test classes, and
# copies the jar with its launcher and JVM settings to $out so that a later build cannot change
# them under running servers.
nodes_build() {
  mkdir -p "$out"
  if [ "${NODES_SKIP_BUILD:-0}" != 1 ] || [ ! -f "$root/target/rollcall.jar" ] \
    || [ ! -f "$root/target/rollcall.sh" ]; then
    (cd "$root" && mvn -B -ntp -q -Pproduction -DskipTests -DskipUnitTests -Dspotless.check.skip=true package)
  fi
  (cd "$root" && mvn -B -ntp -q -Dspotless.check.skip=true test-compile dependency:build-classpath \
    -Dmdep.outputFile="$out/classpath.txt")
  cp "$root/target/rollcall.jar" "$root/target/rollcall.sh" "$root/target/jvm.options" "$out/"
}

# Runs the check driver (dev.rollcall.nodes.NodesCheck) with its arguments.
nodes_check() {
  java -Drollcall.test.operator-token="$operator_token" \
    -cp "$root/target/test-classes:$(cat "$out/classpath.txt")" dev.rollcall.nodes.NodesCheck "$@"
}

# node_start NAME PORT DB_PORT DB_NAME: a server from the package, its own extraction directory.
node_start() {
  local name=$1 port=$2 db_port=$3 db_name=$4
  rm -rf "${out:?}/$name"
  HTTP_PORT=$port DB_KIND=mysql DB_HOST=127.0.0.1 DB_PORT=$db_port DB_NAME=$db_name DB_USER=root \
    DB_PASSWORD= ROLLCALL_OPERATOR_TOKEN=$operator_token \
    ROLLCALL_LIMITS_SCIM_RATE=100000 ROLLCALL_LIMITS_SCIM_BURST=100000 \
    ROLLCALL_LIMITS_API_RATE=100000 ROLLCALL_LIMITS_API_BURST=100000 \
    WLP_JAR_EXTRACT_DIR="$out/$name" \
    "$out/rollcall.sh" >"$out/$name.log" 2>&1 &
  echo $! >"$out/$name.pid"
  echo "$out/$name.pid" >>"$out/pids"
  echo "started $name (pid $!) on port $port, database $db_name on port $db_port"
}

node_pid() { cat "$out/$1.pid"; }

# node_stop NAME: SIGTERM, then SIGKILL after 30 s.
node_stop() {
  local pid
  pid=$(cat "$out/$1.pid" 2>/dev/null) || return 0
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null || true
}

# wait_ready PORT SECONDS
wait_ready() {
  for _ in $(seq 1 $(($2 * 2))); do
    curl -sf -o /dev/null "http://127.0.0.1:$1/health/ready" && return 0
    sleep 0.5
  done
  echo "the server on port $1 did not become ready in $2 s" >&2
  return 1
}

# A private MariaDB: its own data directory under $out and its own port; never the shared server.
db_dir() { echo "$out/mariadb"; }

db_init() {
  rm -rf "$(db_dir)"
  mkdir -p "$(db_dir)"
  mariadb-install-db --no-defaults --datadir="$(db_dir)/data" --user="$(id -un)" \
    --auth-root-authentication-method=normal --skip-test-db >"$(db_dir)/install.log" 2>&1
}

# db_start: starts it and waits until it answers.
db_start() {
  local port=$private_db_port
  mariadbd --no-defaults --datadir="$(db_dir)/data" --port="$port" --bind-address=127.0.0.1 \
    --socket="$(db_dir)/mysqld.sock" --pid-file="$(db_dir)/mysqld.pid" --user="$(id -un)" \
    --skip-log-bin --skip-name-resolve --innodb-buffer-pool-size=64M \
    >>"$(db_dir)/mysqld.log" 2>&1 &
  echo $! >"$(db_dir)/server.pid"
  grep -qx "$(db_dir)/server.pid" "$out/pids" 2>/dev/null || echo "$(db_dir)/server.pid" >>"$out/pids"
  for _ in $(seq 1 120); do
    mariadb-admin -h127.0.0.1 -P"$port" -uroot ping >/dev/null 2>&1 && return 0
    sleep 0.25
  done
  echo "the private MariaDB did not start (see $(db_dir)/mysqld.log)" >&2
  return 1
}

# db_stop: SIGTERM and waits until it is gone (connections are cut as it shuts down).
db_stop() {
  local pid
  pid=$(cat "$(db_dir)/server.pid" 2>/dev/null) || return 0
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 240); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.25; done
  kill -9 "$pid" 2>/dev/null || true
}

# Stops every process this run started (servers first), by the pids it recorded.
nodes_cleanup() {
  local f pid
  [ -f "$out/pids" ] || return 0
  while read -r f; do
    pid=$(cat "$f" 2>/dev/null) || continue
    kill "$pid" 2>/dev/null || true
  done <"$out/pids"
  sleep 2
  while read -r f; do
    pid=$(cat "$f" 2>/dev/null) || continue
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  done <"$out/pids"
  rm -f "$out/pids"
}
