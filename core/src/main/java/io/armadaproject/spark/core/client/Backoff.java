package io.armadaproject.spark.core.client;

import java.time.Duration;

/** Exponential back-off: initial, doubling, capped; {@link #reset()} goes back to the initial delay. */
final class Backoff {
  private final long initialMillis;
  private final long maxMillis;
  private long nextMillis;

  Backoff(Duration initial, Duration max) {
    this.initialMillis = Math.max(1, initial.toMillis());
    this.maxMillis = Math.max(initialMillis, max.toMillis());
    this.nextMillis = initialMillis;
  }

  /** The delay to wait now; the following one will be twice as long, up to the cap. */
  long nextDelayMillis() {
    long delay = nextMillis;
    nextMillis = Math.min(maxMillis, nextMillis * 2);
    return delay;
  }

  void reset() {
    nextMillis = initialMillis;
  }
}
