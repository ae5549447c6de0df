#!/usr/bin/env bash
# Builds the armada-spark container image for one (Spark, Scala) pair from the official
# apache/spark image of that line (needs Docker; the Maven build needs only JDK 17 and Maven):
#   ./scripts/createImage.sh -i armada-spark -m armada://localhost:30002 -q default -l http://localhost:30000
# -m, -q and -l become the image's spark-defaults.conf, so submissions from inside the image need
# not repeat them.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/spark-lines.sh
source "$repo/scripts/spark-lines.sh"

usage() {
  cat <<USAGE
usage: $0 [-i image] [-m armada master] [-q queue] [-l lookout url] [-s spark version]
          [-c scala binary version] [-b base image] [-n] [-h]
  -i  image name and tag to build (default armada-spark)
  -m  Armada master written as spark.master, e.g. armada://localhost:30002
  -q  Armada queue written as spark.armada.queue
  -l  Lookout URL written as spark.armada.lookouturl
  -s  Spark version (default 3.5.9)      -c  Scala binary version (default 2.12)
  -b  base image (default: the official apache/spark image of the pair)
  -n  dry run: prepare the build context and print the docker command without running it
USAGE
  print_supported
}

image="armada-spark"
master=""
queue=""
lookout=""
spark="3.5.9"
scala="2.12"
base=""
dry_run=false
while getopts "i:m:q:l:s:c:b:nh" opt; do
  case "$opt" in
    i) image="$OPTARG" ;;
    m) master="$OPTARG" ;;
    q) queue="$OPTARG" ;;
    l) lookout="$OPTARG" ;;
    s) spark="$OPTARG" ;;
    c) scala="$OPTARG" ;;
    b) base="$OPTARG" ;;
    n) dry_run=true ;;
    h) usage; exit 0 ;;
    *) usage >&2; exit 1 ;;
  esac
done
scala="$(scala_binary "$scala")"
line="$(require_pair "$spark" "$scala")"
if [ -n "$master" ] && ! [[ "$master" =~ ^armada(\+tls)?://[^:/]+:[0-9]+/?$ ]]; then
  echo "Invalid Armada master \"$master\": expected armada://<host>:<port>" >&2
  exit 1
fi

context="$repo/image/target/docker-context/spark-$spark-scala-$scala"
if [ ! -f "$context/Dockerfile" ]; then
  echo "==> Building armada-spark for Spark $spark, Scala $scala"
  (cd "$repo" && mvn -q -B -DskipTests package -Dspark.line="$line" -Dspark.version="$spark" -Dscala.binary.version="$scala")
fi

{
  echo "# written by scripts/createImage.sh"
  [ -n "$master" ] && echo "spark.master $master"
  [ -n "$queue" ] && echo "spark.armada.queue $queue"
  [ -n "$lookout" ] && echo "spark.armada.lookouturl $lookout"
  echo "spark.armada.container.image $image"
} >"$context/spark-defaults.conf"

cmd=(docker build -t "$image")
if [ -n "$base" ]; then
  cmd+=(--build-arg "BASE_IMAGE=$base")
fi
cmd+=("$context")
if $dry_run; then
  echo "${cmd[*]}"
  exit 0
fi
"${cmd[@]}"
echo "Built image $image for Spark $spark (Scala $scala)"
