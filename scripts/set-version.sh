#!/usr/bin/env bash
# Selects the Spark version and Scala version of the following `mvn clean package`:
#   ./scripts/set-version.sh 3.5.3 2.13.15
# It writes .mvn/maven.config (read by every mvn run in this tree); delete that file to go back
# to the default (Spark 3.5.9, Scala 2.12).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/spark-lines.sh
source "$repo/scripts/spark-lines.sh"

usage() {
  echo "usage: $0 <spark version> <scala version>    e.g. $0 3.5.3 2.13.15"
  print_supported
}

if [ $# -ne 2 ]; then
  usage >&2
  exit 1
fi
spark="$1"
scala="$2"
if ! [[ "$scala" =~ ^2\.1[23]\.[0-9]+$ ]]; then
  echo "Unsupported Scala version: $scala (expected 2.12.x or 2.13.x)" >&2
  usage >&2
  exit 1
fi
scala_binary="${scala%.*}"
if ! line="$(spark_line "$spark")"; then
  echo "Unsupported Spark version: $spark" >&2
  usage >&2
  exit 1
fi
if ! pair_supported "$line" "$scala_binary"; then
  echo "Unsupported pair: Spark $spark with Scala $scala" >&2
  usage >&2
  exit 1
fi

mkdir -p "$repo/.mvn"
printf -- '-Dspark.line=%s -Dspark.version=%s -Dscala.version=%s -Dscala.binary.version=%s\n' \
  "$line" "$spark" "$scala" "$scala_binary" >"$repo/.mvn/maven.config"
echo "Selected Spark $spark with Scala $scala (.mvn/maven.config). Now run: mvn clean package"
echo "It builds shim-spark-$line/target/armada-spark_${scala_binary}-${spark}.jar"
