package io.armadaproject.spark.submit.cluster;

import io.armadaproject.spark.api.JobSubmitRequestItem;
import io.armadaproject.spark.core.client.ArmadaClient;
import io.armadaproject.spark.core.client.ArmadaSubmitException;
import io.grpc.Status;
import java.io.PrintStream;
import java.util.List;

/**
 * Submits job items, retrying transient failures. Safe because every item carries a client id:
 * Armada answers a resubmitted client id with the job it already created, never a duplicate.
 */
final class SubmitWithRetry {
  static final int ATTEMPTS = 3;
  private final PrintStream out;
  private final long backoffMillis;

  SubmitWithRetry(PrintStream out, long backoffMillis) {
    this.out = out;
    this.backoffMillis = backoffMillis;
  }

  List<String> submit(ArmadaClient client, String queue, String jobSetId, List<JobSubmitRequestItem> items) {
    for (int attempt = 1; ; attempt++) {
      try {
        return client.submitJobs(queue, jobSetId, items);
      } catch (ArmadaSubmitException e) {
        if (attempt >= ATTEMPTS || !transient_(e.code())) {
          throw e;
        }
        out.println("SubmitJobs failed (" + e.code() + "), retrying with the same client ids (attempt "
            + (attempt + 1) + " of " + ATTEMPTS + ")");
        sleep(backoffMillis * attempt);
      }
    }
  }

  private static boolean transient_(Status.Code code) {
    // INTERNAL is what Armada answers when it could not store the jobs ("Failed to send events")
    return code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED || code == Status.Code.INTERNAL;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
