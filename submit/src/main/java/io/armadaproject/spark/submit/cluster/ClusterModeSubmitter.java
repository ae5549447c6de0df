package io.armadaproject.spark.submit.cluster;

import io.armadaproject.spark.api.JobSubmitRequestItem;
import io.armadaproject.spark.core.client.ArmadaClient;
import io.armadaproject.spark.core.client.ArmadaClientException;
import io.armadaproject.spark.core.client.ArmadaClientOptions;
import io.armadaproject.spark.core.client.ArmadaEndpoint;
import io.armadaproject.spark.core.client.ArmadaSubmitException;
import io.armadaproject.spark.core.config.ArmadaConfigKeys;
import io.armadaproject.spark.core.config.ConfigException;
import io.armadaproject.spark.core.events.JobEvent;
import io.armadaproject.spark.core.model.LookoutUrl;
import io.armadaproject.spark.submit.SubmitArguments;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Cluster mode: checks the submission, submits one driver job and the executor jobs to Armada in
 * one job set, prints where to find them, then follows the driver job until it ends.
 */
public final class ClusterModeSubmitter {
  static final long RETRY_BACKOFF_MILLIS = 500;
  private final PrintStream out;
  private final BiFunction<ArmadaEndpoint, ArmadaClientOptions, ArmadaClient> connector;

  public ClusterModeSubmitter(
      PrintStream out, BiFunction<ArmadaEndpoint, ArmadaClientOptions, ArmadaClient> connector) {
    this.out = out;
    this.connector = connector;
  }

  /** Runs the whole submission; returns the process exit code (0 when the driver succeeded). */
  public int run(SubmitArguments args) {
    long started = System.nanoTime();
    ResolvedSubmission s;
    try {
      s = new SubmissionResolver(w -> out.println("Warning: " + w)).resolve(args);
    } catch (IllegalArgumentException e) { // ConfigException, InvalidMasterUrlException, bad numbers
      out.println("Error: " + e.getMessage());
      return 1;
    }
    List<String> problems = ArmadaRulesCheck.problems(s);
    if (!problems.isEmpty()) {
      out.println("Error: " + ArmadaRulesCheck.message(problems));
      return 1;
    }
    if (s.dryRun) {
      return new DryRun(System.out).print(s);
    }
    out.println("Armada selected as cluster manager: " + s.endpoint());
    try (ArmadaClient client = connector.apply(s.endpoint(), s.credentials().clientOptions())) {
      client.checkHealth(s.healthTimeout());
      out.println("Armada at " + s.endpoint() + " is serving requests");
      List<String> jobIds = submit(client, s);
      out.printf("Submitted %d jobs (1 driver, %d executors) to queue %s, job set %s in %d ms%n",
          jobIds.size(), jobIds.size() - 1, s.queue(), s.jobSetId(), (System.nanoTime() - started) / 1_000_000);
      out.println("Lookout URL for this job set: " + LookoutUrl.forJobSet(s.lookoutUrl(), s.queue(), s.jobSetId()));
      if (!s.watchDriver()) {
        return 0;
      }
      return follow(client, s, jobIds.get(0));
    } catch (ConfigException | ArmadaClientException e) {
      out.println("Error: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out.println("Error: interrupted while following the driver job");
      return 1;
    }
  }

  /** Submits the driver, then all executors in one call; on failure cancels what was accepted. */
  private List<String> submit(ArmadaClient client, ResolvedSubmission s) {
    List<String> accepted = new ArrayList<>();
    SubmitWithRetry submitter = new SubmitWithRetry(out, RETRY_BACKOFF_MILLIS);
    try {
      String driverJobId =
          submitter.submit(client, s.queue(), s.jobSetId(), List.of(new DriverJobFactory().build(s))).get(0);
      accepted.add(driverJobId);
      out.println("Driver job ID: " + driverJobId);
      ExecutorJobFactory executors = new ExecutorJobFactory();
      List<JobSubmitRequestItem> items = new ArrayList<>();
      for (int i = 1; i <= s.executorCount(); i++) {
        items.add(executors.build(s, driverJobId, i));
      }
      List<String> executorIds =
          items.isEmpty() ? List.of() : submitter.submit(client, s.queue(), s.jobSetId(), items);
      accepted.addAll(executorIds);
      for (int i = 0; i < executorIds.size(); i++) {
        out.println("Executor " + (i + 1) + " job ID: " + executorIds.get(i));
      }
      return accepted;
    } catch (ArmadaClientException e) {
      if (e instanceof ArmadaSubmitException) {
        accepted.addAll(((ArmadaSubmitException) e).acceptedJobIds());
      }
      cancelQuietly(client, s, accepted);
      throw e;
    }
  }

  private void cancelQuietly(ArmadaClient client, ResolvedSubmission s, List<String> jobIds) {
    if (jobIds.isEmpty()) {
      return;
    }
    try {
      client.cancelJobs(s.queue(), s.jobSetId(), jobIds, "Spark submission failed");
      out.println("Cancelled the " + jobIds.size() + " job(s) already submitted: " + jobIds);
    } catch (ArmadaClientException e) {
      out.println("Warning: could not cancel jobs " + jobIds + ": " + e.getMessage());
    }
  }

  private int follow(ArmadaClient client, ResolvedSubmission s, String driverJobId) throws InterruptedException {
    out.println("Watching driver job " + driverJobId + " in job set " + s.jobSetId());
    DriverJobFollower follower = new DriverJobFollower(out);
    Optional<JobEvent> ended = follower.follow(client, s.queue(), s.jobSetId(), driverJobId, s.watchTimeout, s.appId());
    if (!ended.isPresent()) {
      out.println("Error: driver job " + driverJobId + " did not end within " + ArmadaConfigKeys.DRIVER_WATCH_TIMEOUT.name()
          + "=" + s.watchTimeout.getSeconds() + "s; it keeps running in Armada (see the Lookout link above)");
      return 1;
    }
    JobEvent end = ended.get();
    if (end.kind() != JobEvent.Kind.SUCCEEDED) {
      // a driver that died cannot clean up after itself: its executors would wait for it in vain
      List<String> orphans = follower.unendedAppJobs();
      if (!orphans.isEmpty()) {
        try {
          client.cancelJobs(s.queue(), s.jobSetId(), orphans, "Spark driver ended");
          out.println("Cancelled the " + orphans.size() + " executor job(s) the driver left: " + orphans);
        } catch (ArmadaClientException e) {
          out.println("Warning: could not cancel the executor jobs the driver left " + orphans + ": " + e.getMessage());
        }
      }
    }
    switch (end.kind()) {
      case SUCCEEDED:
        out.println("Driver job " + driverJobId + " succeeded");
        return 0;
      case CANCELLED:
        out.println("Driver job " + driverJobId + " was cancelled");
        return 1;
      default:
        out.println("Driver job " + driverJobId + " failed: " + end.reason());
        return end.exitCode() > 0 ? end.exitCode() : 1;
    }
  }
}
