#!/usr/bin/env bash
# The (Spark, Scala) pairs armada-spark supports, in one place for the other scripts.

# Spark patch versions that also build (their jars resolve on Maven Central), by line.
SUPPORTED_SPARK_VERSIONS="3.3.4 3.5.3 3.5.4 3.5.5 3.5.6 3.5.7 3.5.8 3.5.9 4.1.1 4.1.2 4.1.3"

# spark_line <spark version>: prints 3.3, 3.5 or 4.1, or fails for an unsupported version.
spark_line() {
  local v
  for v in $SUPPORTED_SPARK_VERSIONS; do
    if [ "$v" = "$1" ]; then
      echo "${1%.*}"
      return 0
    fi
  done
  return 1
}

# pair_supported <spark line> <scala binary>: Spark 4.1 exists for Scala 2.13 only.
pair_supported() {
  case "$1/$2" in
    3.3/2.12 | 3.3/2.13 | 3.5/2.12 | 3.5/2.13 | 4.1/2.13) return 0 ;;
    *) return 1 ;;
  esac
}

# scala_binary <scala version>: 2.13.15 becomes 2.13 (a binary version stays as it is).
scala_binary() {
  echo "$1" | cut -d. -f1-2
}

# require_pair <spark version> <scala binary>: prints the Spark line, or explains and exits 1.
require_pair() {
  local line
  if ! line="$(spark_line "$1")" || ! pair_supported "$line" "$2"; then
    echo "Unsupported pair: Spark $1 with Scala $2" >&2
    print_supported >&2
    exit 1
  fi
  echo "$line"
}

print_supported() {
  echo "Supported Spark versions: $SUPPORTED_SPARK_VERSIONS"
  echo "Supported (Spark line, Scala) pairs: 3.3 with 2.12 or 2.13, 3.5 with 2.12 or 2.13, 4.1 with 2.13"
}
