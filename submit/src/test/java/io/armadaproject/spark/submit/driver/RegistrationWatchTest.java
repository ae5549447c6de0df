package io.armadaproject.spark.submit.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RegistrationWatchTest {
  @Test
  void reportsOnceWithBothKeysAndTheCountsWhenTooFewRegister() throws Exception {
    CompletableFuture<String> reported = new CompletableFuture<>();
    AtomicInteger calls = new AtomicInteger();
    try (RegistrationWatch watch = new RegistrationWatch()) {
      watch.start(() -> 1, 2, Duration.ofMillis(10), Duration.ofMillis(50), m -> {
        calls.incrementAndGet();
        reported.complete(m);
      });
      String message = reported.get(10, TimeUnit.SECONDS);
      assertThat(message).contains("Only 1 of the 2 executors")
          .contains("spark.armada.executor.trackerTimeout").contains("spark.armada.executor.trackerPollingInterval");
      Thread.sleep(100);
      assertThat(calls).hasValue(1);
    }
  }

  @Test
  void staysQuietOnceEnoughExecutorsRegistered() throws Exception {
    AtomicInteger registered = new AtomicInteger();
    AtomicInteger polls = new AtomicInteger();
    CompletableFuture<String> reported = new CompletableFuture<>();
    try (RegistrationWatch watch = new RegistrationWatch()) {
      watch.start(() -> {
        polls.incrementAndGet();
        return registered.get();
      }, 2, Duration.ofMillis(10), Duration.ofMillis(300), reported::complete);
      registered.set(2);
      Thread.sleep(500);
      assertThat(reported).isNotDone();
      int pollsAfterReached = polls.get();
      Thread.sleep(100);
      assertThat(polls.get()).as("polling stops once the minimum is reached").isEqualTo(pollsAfterReached);
    }
  }
}
