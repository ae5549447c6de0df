package io.armadaproject.spark.submit.cluster;

import io.armadaproject.spark.core.client.ArmadaClient;
import io.armadaproject.spark.core.client.JobSetEventListener;
import io.armadaproject.spark.core.client.JobSetWatch;
import io.armadaproject.spark.core.events.JobEvent;
import io.armadaproject.spark.api.EventStreamMessage;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Follows the driver job through the job set's event stream until Armada says it has ended. */
final class DriverJobFollower {
  private final PrintStream out;

  DriverJobFollower(PrintStream out) {
    this.out = out;
  }

  /**
   * Blocks until the driver job's terminal event arrives and returns it, or returns empty when
   * {@code timeout} (if not zero) passes first.
   */
  Optional<JobEvent> follow(ArmadaClient client, String queue, String jobSetId, String driverJobId, Duration timeout)
      throws InterruptedException {
    CompletableFuture<JobEvent> end = new CompletableFuture<>();
    JobSetEventListener listener =
        new JobSetEventListener() {
          @Override
          public void onEvent(EventStreamMessage message) {
            JobEvent event = JobEvent.of(message);
            if (!driverJobId.equals(event.jobId())) {
              return;
            }
            switch (event.kind()) {
              case QUEUED:
              case LEASED:
              case PENDING:
              case RUNNING:
              case PREEMPTING:
              case PREEMPTED:
              case LEASE_RETURNED:
                out.println("Driver job " + driverJobId + " is " + event.kind().name().toLowerCase(java.util.Locale.ROOT)
                    + (event.reason().isEmpty() ? "" : ": " + event.reason()));
                break;
              default:
                break;
            }
            if (event.kind().isTerminal()) {
              end.complete(event);
            }
          }

          @Override
          public void onStreamError(Throwable error, int attempt) {
            if (attempt == 1 || attempt % 10 == 0) {
              out.println("Event stream from Armada interrupted (" + error.getMessage() + "); reconnecting");
            }
          }
        };
    try (JobSetWatch watch = client.watchJobSet(queue, jobSetId, "", listener)) {
      return Optional.of(timeout.isZero() ? end.get() : end.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      return Optional.empty();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }
}
