package io.armadaproject.spark.submit.driver;

import static io.armadaproject.spark.core.config.ArmadaConfigKeys.EXECUTOR_TRACKER_POLLING_INTERVAL;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.EXECUTOR_TRACKER_TIMEOUT;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * {@code spark.armada.executor.trackerTimeout}: polls, every {@code trackerPollingInterval}, how many
 * executors have registered; if the minimum is not reached within the timeout, reports it once.
 */
public final class RegistrationWatch implements AutoCloseable {
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "armada-executor-tracker");
    t.setDaemon(true);
    return t;
  });
  private ScheduledFuture<?> task;

  /** Starts polling; {@code onTimeout} gets a one-line message naming both keys and the counts. */
  public RegistrationWatch start(IntSupplier registered, int minimum, Duration interval, Duration timeout,
      Consumer<String> onTimeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    task = timer.scheduleWithFixedDelay(() -> {
      int now = registered.getAsInt();
      if (now >= minimum) {
        task.cancel(false);
      } else if (System.nanoTime() >= deadline) {
        task.cancel(false);
        onTimeout.accept("Only " + now + " of the " + minimum + " executors needed registered within "
            + EXECUTOR_TRACKER_TIMEOUT.name() + "=" + timeout.getSeconds() + "s (checked every "
            + EXECUTOR_TRACKER_POLLING_INTERVAL.name() + "=" + interval.toMillis() + "ms); stopping the application."
            + " Check that Armada can schedule the executor jobs (queue, resources, node selectors).");
      }
    }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
