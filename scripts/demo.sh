#!/usr/bin/env bash
# The demo: builds what is missing, starts local-armada (a single-process Armada), submits the
# example Pi application through ArmadaSparkSubmit in cluster mode (one driver job, two executor
# jobs, all real JVMs), prints the result, and stops everything it started.
#   ./scripts/demo.sh                               the default pair (Spark 3.5.9, Scala 2.12)
#   ./scripts/demo.sh --spark 4.1.3 --scala 2.13    any supported pair
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
# shellcheck source=scripts/spark-lines.sh
source "$repo/scripts/spark-lines.sh"

spark="3.5.9"
scala="2.12"
while [ $# -gt 0 ]; do
  case "$1" in
    --spark) spark="${2:?--spark needs a version}"; shift 2 ;;
    --scala) scala="${2:?--scala needs a binary version such as 2.13}"; shift 2 ;;
    -h | --help) echo "usage: $0 [--spark <version>] [--scala <binary version>]"; print_supported; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 1 ;;
  esac
done
scala="$(scala_binary "$scala")"
line="$(require_pair "$spark" "$scala")"

image_dir="$repo/image/target/images/spark-$spark-scala-$scala"
armada_jar="$repo/local-armada/target/local-armada.jar"

if [ ! -f "$armada_jar" ] || [ ! -x "$image_dir/opt/spark/bin/spark-class" ]; then
  echo "==> Building armada-spark for Spark $spark, Scala $scala (the first build downloads Spark and takes a few minutes)"
  mvn -q -B -DskipTests package -Dspark.line="$line" -Dspark.version="$spark" -Dscala.binary.version="$scala"
fi

jars=("$image_dir"/opt/spark/examples/jars/spark-examples_*.jar)
examples_jar="$(basename "${jars[0]}")"
work="$(mktemp -d "${TMPDIR:-/tmp}/armada-spark-demo.XXXXXX")"
armada_pid=""

cleanup() {
  if [ -n "$armada_pid" ] && kill -0 "$armada_pid" 2>/dev/null; then
    kill -TERM "$armada_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
      kill -0 "$armada_pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$armada_pid" 2>/dev/null || true
  fi
  # anything still running from this demo would mention its work directory
  if pgrep -f "$work" >/dev/null 2>&1; then
    echo "==> Stopping leftover processes of the demo"
    pkill -KILL -f "$work" || true
  fi
}
trap cleanup EXIT

echo "==> Starting local-armada (logs: $work/local-armada.log)"
java -jar "$armada_jar" --port 0 --port-file "$work/port" --work-dir "$work/armada" \
  --image "armada-spark=$image_dir" --queue demo >"$work/local-armada.log" 2>&1 &
armada_pid=$!
for _ in $(seq 1 300); do
  [ -s "$work/port" ] && break
  kill -0 "$armada_pid" 2>/dev/null || { cat "$work/local-armada.log"; echo "local-armada did not start" >&2; exit 1; }
  sleep 0.1
done
port="$(cat "$work/port")"
echo "==> local-armada is serving on 127.0.0.1:$port"

echo "==> Submitting SparkPi on Spark $spark (Scala $scala) with bin/armada-spark-submit (cluster mode, 2 executors)"
set +e
ARMADA_SPARK_IMAGE_DIR="$image_dir" "$repo/bin/armada-spark-submit" \
  --master "armada://127.0.0.1:$port" --deploy-mode cluster \
  --name spark-pi \
  --class org.apache.spark.examples.SparkPi \
  --conf spark.executor.instances=2 \
  --conf spark.executor.memory=512m \
  --conf spark.driver.memory=512m \
  --conf spark.armada.queue=demo \
  --conf spark.armada.container.image=armada-spark \
  --conf spark.armada.lookouturl=http://localhost:30000 \
  "local:///opt/spark/examples/jars/$examples_jar" 10 2>&1 | tee "$work/submit.log" | grep -v -E ' (INFO|WARN) '
status=${PIPESTATUS[0]}
set -e

driver_job="$(sed -n 's/^Driver job ID: //p' "$work/submit.log" | head -n 1)"
driver_log="$work/armada/logs/$driver_job/driver.log"
if [ "$status" -ne 0 ] || [ ! -f "$driver_log" ]; then
  echo "==> The application failed (exit $status). Driver log: $driver_log" >&2
  exit 1
fi
echo "==> Result from the driver job $driver_job:"
grep -E '^(Pi is roughly|Executors registered)' "$driver_log"
echo "==> Logs of every job are under $work/armada/logs"
