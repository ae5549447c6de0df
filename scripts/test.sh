#!/usr/bin/env bash
# The full test suite. For the default pair (Spark 3.5.9, Scala 2.12): every unit test and every
# end-to-end test on local-armada. Then, per other supported (Spark, Scala) pair: the Spark-facing
# unit tests on that pair's Spark classpath, the shaded-jar checks, the Pi end-to-end run and the
# lost-executor scenario (Spark 3.3.4 with Scala 2.13 gets unit tests only).
# Extra arguments go to every mvn run.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

if command -v shellcheck >/dev/null 2>&1; then
  echo "==> shellcheck"
  shellcheck -x bin/* scripts/*.sh image/src/main/entrypoint/*.sh image/src/main/local-image/opt/spark/bin/*
fi

started=$SECONDS
run_pair() { # <spark version> <scala binary> <line> [mvn args...]
  local spark="$1" scala="$2" line="$3"
  shift 3
  local t0=$SECONDS
  echo "==> Spark $spark, Scala $scala"
  mvn -B -ntp verify -Dspark.line="$line" -Dspark.version="$spark" -Dscala.binary.version="$scala" "$@"
  echo "==> Spark $spark, Scala $scala: passed in $((SECONDS - t0)) s"
}

others=(-Darmada.skipLineIndependentTests=true
  -Dit.test='ShadedJarIT,PiOnLocalArmadaIT,WrongSparkLineIT,ExecutorLifecycleIT#aKilledExecutorIsReplacedAndTheApplicationSucceeds'
  -Dfailsafe.failIfNoSpecifiedTests=false)
run_pair 3.5.9 2.12 3.5 "$@"
run_pair 3.3.4 2.12 3.3 "${others[@]}" "$@"
run_pair 3.5.9 2.13 3.5 "${others[@]}" "$@"
run_pair 4.1.3 2.13 4.1 "${others[@]}" "$@"
run_pair 3.3.4 2.13 3.3 -Darmada.skipLineIndependentTests=true -Dit.test=ShadedJarIT \
  -Dfailsafe.failIfNoSpecifiedTests=false "$@"
echo "==> All pairs passed in $((SECONDS - started)) s"
