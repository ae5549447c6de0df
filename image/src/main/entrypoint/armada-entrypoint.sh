#!/usr/bin/env bash
# Entrypoint of the armada-spark image (the real one built from apache/spark, and the local one
# that local-armada runs). Like the official Spark image's entrypoint, it turns the container's
# first argument and the env vars of Spark's pod contract into a Spark JVM:
#   driver ARGS...  runs ArmadaSparkSubmit in client mode (the user's main, master armada://...)
#   executor        runs a CoarseGrainedExecutorBackend that connects to $SPARK_DRIVER_URL
#   anything else   is executed as given
set -euo pipefail

SPARK_HOME="${SPARK_HOME:-/opt/spark}"
SPARK_CONF_DIR="${SPARK_CONF_DIR:-$SPARK_HOME/conf}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# Gang placement facts from Armada reach the driver as executor attributes.
for var in $(compgen -e); do
  case "$var" in
    ARMADA_GANG*) export "SPARK_EXECUTOR_ATTRIBUTE_${var}=${!var}" ;;
  esac
done

classpath="$SPARK_CONF_DIR:$SPARK_HOME/jars/*"
if [ -n "${SPARK_EXTRA_CLASSPATH:-}" ]; then
  classpath="$classpath:$SPARK_EXTRA_CLASSPATH"
fi

# The module openings Spark needs on Java 17 (what Spark's launcher adds by itself).
java_opts=(
  -XX:+IgnoreUnrecognizedVMOptions
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false
  -Dio.netty.tryReflectionSetAccessible=true
)
# SPARK_JAVA_OPT_0, SPARK_JAVA_OPT_1, ... in numeric order
while IFS= read -r name; do
  java_opts+=("${!name}")
done < <(compgen -e | grep '^SPARK_JAVA_OPT_[0-9]*$' | sort -t_ -k4 -n || true)

case "${1:-}" in
  driver)
    shift
    exec "$JAVA" "${java_opts[@]}" -Xmx"${SPARK_DRIVER_MEMORY:-1g}" -cp "$classpath" \
      org.apache.spark.deploy.ArmadaSparkSubmit \
      --deploy-mode client \
      --conf "spark.driver.bindAddress=${SPARK_DRIVER_BIND_ADDRESS}" \
      "$@"
    ;;
  executor)
    shift
    exec "$JAVA" "${java_opts[@]}" \
      -Xms"${SPARK_EXECUTOR_MEMORY}" -Xmx"${SPARK_EXECUTOR_MEMORY}" -cp "$classpath" \
      org.apache.spark.executor.CoarseGrainedExecutorBackend \
      --driver-url "$SPARK_DRIVER_URL" \
      --executor-id "$SPARK_EXECUTOR_ID" \
      --cores "$SPARK_EXECUTOR_CORES" \
      --app-id "$SPARK_APPLICATION_ID" \
      --hostname "$SPARK_EXECUTOR_POD_IP" \
      --resourceProfileId "${SPARK_RESOURCE_PROFILE_ID:-0}"
    ;;
  *)
    exec "$@"
    ;;
esac
