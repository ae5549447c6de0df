package io.armadaproject.spark.submit.cluster;

import io.armadaproject.spark.core.client.ArmadaClient;
import io.armadaproject.spark.core.client.JobSetEventListener;
import io.armadaproject.spark.core.client.JobSetWatch;
import io.armadaproject.spark.core.events.JobEvent;
import io.armadaproject.spark.api.EventStreamMessage;
import io.armadaproject.spark.submit.SparkLabels;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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

  /** The application's other jobs (executors) Armada has not reported as ended, as of the last event. */
  private final Map<String, Boolean> appJobsEnded = new ConcurrentHashMap<>();

  /**
   * Blocks until the driver job's terminal event arrives and returns it, or returns empty when
   * {@code timeout} (if not zero) passes first. Meanwhile notes the application's other jobs.
   */
  Optional<JobEvent> follow(ArmadaClient client, String queue, String jobSetId, String driverJobId, Duration timeout,
      String appId) throws InterruptedException {
    CompletableFuture<JobEvent> end = new CompletableFuture<>();
    JobSetEventListener listener =
        new JobSetEventListener() {
          @Override
          public void onEvent(EventStreamMessage message) {
            JobEvent event = JobEvent.of(message);
            if (!driverJobId.equals(event.jobId())) {
              noteAppJob(event, appId);
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

  private void noteAppJob(JobEvent event, String appId) {
    if (event.kind() == JobEvent.Kind.SUBMITTED) {
      if (appId.equals(event.labels().get(SparkLabels.APP_SELECTOR))) {
        appJobsEnded.putIfAbsent(event.jobId(), false);
      }
    } else if (event.kind().isTerminal() && appJobsEnded.containsKey(event.jobId())) {
      appJobsEnded.put(event.jobId(), true);
    }
  }

  /** The application's jobs (other than the driver) not ended as far as the events seen say. */
  List<String> unendedAppJobs() {
    List<String> out = new ArrayList<>();
    appJobsEnded.forEach((job, ended) -> {
      if (!ended) {
        out.add(job);
      }
    });
    return out;
  }
}
