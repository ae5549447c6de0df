package io.armadaproject.spark.localarmada.grpc;

import java.util.concurrent.atomic.AtomicLong;

/** Call counters reported by the admin service. */
public final class ServerStats {
  final AtomicLong submitJobsCalls = new AtomicLong();
  final AtomicLong cancelCalls = new AtomicLong();
  final AtomicLong preemptCalls = new AtomicLong();
}
