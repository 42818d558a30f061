#!/bin/sh
# Runs the production package with the JVM settings of jvm.options beside this script:
#   target/rollcall.sh             (after `mvn -B -DskipTests -Pproduction package`)
# ROLLCALL_JAR names another jar (default: rollcall.jar beside this script); JAVA_OPTS adds JVM
# options after the file's, so they win (JAVA_OPTS=-Xmx512m). Configuration is the environment's
# (deploy/README.md). SIGTERM stops the server cleanly: the JVM replaces this shell.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
jar=${ROLLCALL_JAR:-$here/rollcall.jar}
options=$(grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$here/jvm.options" | tr '\n' ' ')
# shellcheck disable=SC2086 # one word per option
exec java $options ${JAVA_OPTS:-} -jar "$jar" "$@"
