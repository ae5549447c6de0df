package io.armadaproject.spark.submit.driver;

import io.armadaproject.spark.core.client.ArmadaClient;
import io.armadaproject.spark.core.client.ArmadaClientException;
import io.armadaproject.spark.core.client.ArmadaClientOptions;
import io.armadaproject.spark.core.config.ArmadaConf;
import io.armadaproject.spark.submit.auth.ArmadaCredentials;
import io.armadaproject.spark.core.client.ArmadaEndpoint;
import io.armadaproject.spark.core.client.JobSetEventListener;
import io.armadaproject.spark.core.client.JobSetWatch;
import io.armadaproject.spark.api.EventStreamMessage;
import io.armadaproject.spark.core.config.ArmadaConfigKeys;
import io.armadaproject.spark.core.events.JobEvent;
import io.armadaproject.spark.submit.SparkLabels;
import io.armadaproject.spark.submit.SparkSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the scheduler backend does with Armada, on every Spark line: follows the application's job
 * set, knows which executor job is which, cancels executor jobs Spark kills, and when the
 * application stops cancels every executor job that has not ended by itself.
 */
public final class ArmadaDriverSide {
  static final String STOP_REASON = "Spark application stopping";
  static final String KILL_REASON = "Executor killed by Spark";
  private static final Logger LOG = LoggerFactory.getLogger(ArmadaDriverSide.class);

  private final Map<String, String> conf;
  private final Map<String, String> env;
  private final BiFunction<ArmadaEndpoint, ArmadaClientOptions, ArmadaClient> connector;
  private Duration stopGrace;
  private boolean deleteExecutors = true;
  private final ExecutorLossHandler lossHandler;
  private final Consumer<String> failApplication;
  private ExecutorAllocator allocator;
  private final java.util.concurrent.atomic.AtomicLong eventsSeen = new java.util.concurrent.atomic.AtomicLong();
  private ArmadaClient client;
  private JobSetWatch watch;
  private ExecutorJobTracker tracker;
  private String queue;
  private String jobSetId;
  private volatile boolean stopping;
  private RegistrationWatch registrationWatch;
  /** Spark is told about lost executors on its own thread, so the event stream never waits on Spark. */
  private final ExecutorService lossNotifier =
      Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "armada-executor-loss");
        t.setDaemon(true);
        return t;
      });

  /** How the Spark side learns that an executor's Armada job has ended. */
  public interface ExecutorLossHandler {
    void executorJobEnded(String executorId, String reason, boolean causedByApp);

    /** Armada is about to preempt the executor's job: Spark may decommission it gracefully. */
    default void executorPreempting(String executorId, String reason) {}
  }

  public ArmadaDriverSide(
      Map<String, String> conf,
      Map<String, String> env,
      BiFunction<ArmadaEndpoint, ArmadaClientOptions, ArmadaClient> connector,
      Duration stopGrace,
      ExecutorLossHandler lossHandler,
      Consumer<String> failApplication) {
    this.conf = conf;
    this.env = env;
    this.connector = connector;
    this.stopGrace = stopGrace;
    this.lossHandler = lossHandler;
    this.failApplication = failApplication;
  }

  /** Starts following the job set. Does nothing (passively) outside an Armada driver job. */
  public void start(String appId) {
    queue = conf.get(ArmadaConfigKeys.QUEUE.name());
    jobSetId = env.getOrDefault(SparkLabels.ENV_ARMADA_JOB_SET_ID, conf.get(ArmadaConfigKeys.JOB_SET_ID.name()));
    if (queue == null || jobSetId == null) {
      LOG.warn("No Armada queue or job set known (spark.armada.queue, ARMADA_JOB_SET_ID): "
          + "executor jobs are not tracked and will not be cleaned up by this driver");
      return;
    }
    String url = conf.getOrDefault(ArmadaConfigKeys.INTERNAL_URL.name(), conf.get("spark.master"));
    ArmadaConf armada = ArmadaConf.from(conf);
    ArmadaCredentials credentials = ArmadaCredentials.forDriver(armada, env);
    ArmadaEndpoint endpoint = ArmadaEndpoint.parseMaster(url);
    if (armada.bool(ArmadaConfigKeys.EVENT_WATCHER_USE_TLS) && !endpoint.isTls()) {
      endpoint = ArmadaEndpoint.of(endpoint.host(), endpoint.port(), true);
    }
    deleteExecutors = armada.bool(ArmadaConfigKeys.DELETE_EXECUTORS);
    if (armada.isSet(ArmadaConfigKeys.KILL_GRACE_PERIOD)) {
      stopGrace = armada.duration(ArmadaConfigKeys.KILL_GRACE_PERIOD);
    }
    client = connector.apply(endpoint, credentials.clientOptions());
    allocator = ExecutorAllocators.create(conf, env, appId, items -> client.submitJobs(queue, jobSetId, items),
        (executorId, reason) -> {
          String job = tracker == null ? null : tracker.jobIdOf(Integer.toString(executorId));
          if (job != null) {
            cancel(List.of(job), reason);
          }
          return job != null;
        }, failApplication).orElse(null);
    tracker = new ExecutorJobTracker(appId, new ExecutorJobTracker.TerminalListener() {
      @Override
      public void onExecutorJobEnded(String executorId, String jobId, JobEvent event, boolean preempted) {
        notifyLoss(executorId, jobId, event);
        ExecutorAllocators.id(executorId).ifPresent(id -> {
          if (allocator != null) {
            allocator.ended(id, describe(jobId, event), event.kind() == JobEvent.Kind.FAILED, preempted);
          }
        });
      }

      @Override
      public void onExecutorJobRunning(String executorId) {
        ExecutorAllocators.id(executorId).ifPresent(id -> {
          if (allocator != null) {
            allocator.running(id);
          }
        });
      }

      @Override
      public void onExecutorJobPreempting(String executorId, String reason) {
        tellSpark(() -> lossHandler.executorPreempting(executorId, reason));
      }
    });
    watch = client.watchJobSet(queue, jobSetId, "", new JobSetEventListener() {
      @Override
      public void onEvent(EventStreamMessage message) {
        eventsSeen.incrementAndGet();
        tracker.onEvent(JobEvent.of(message));
      }

      @Override
      public void onStreamError(Throwable error, int attempt) {
        LOG.warn("Armada event stream for job set {} interrupted (attempt {}): {}", jobSetId, attempt, error.toString());
      }
    });
    LOG.info("Following Armada job set {} in queue {} at {}", jobSetId, queue, url);
  }

  /**
   * With {@code spark.armada.executor.trackerTimeout} set, reports (once) when fewer than {@code
   * minimum} executors have registered in time. Does nothing when the key is not set.
   */
  public void watchRegistration(IntSupplier registered, int minimum, Consumer<String> onTimeout) {
    ArmadaConf armada = ArmadaConf.from(conf);
    if (!armada.isSet(ArmadaConfigKeys.EXECUTOR_TRACKER_TIMEOUT)) {
      return;
    }
    registrationWatch = new RegistrationWatch().start(registered, minimum,
        armada.duration(ArmadaConfigKeys.EXECUTOR_TRACKER_POLLING_INTERVAL),
        armada.duration(ArmadaConfigKeys.EXECUTOR_TRACKER_TIMEOUT), onTimeout);
  }

  /** The number of executors Spark starts with: {@code spark.executor.instances}. */
  public int initialExecutors() {
    return new SparkSettings(conf).executorInstances();
  }

  /** Job-set events received so far (all jobs of the job set). */
  public long eventsSeen() {
    return eventsSeen.get();
  }

  /** Executor jobs Armada reports running now. */
  public int runningExecutorJobs() {
    return tracker == null ? 0 : tracker.runningCount();
  }

  /** What the allocator has done, when there is one (cluster-mode driver). */
  public java.util.Optional<ExecutorAllocator.Stats> allocatorStats() {
    return java.util.Optional.ofNullable(allocator).map(ExecutorAllocator::stats);
  }

  /** Spark's executor target (dynamic allocation): the gap is asked of Armada at once. */
  public void requestTotalExecutors(int total) {
    if (allocator != null) {
      allocator.setTarget(total);
    }
  }

  /** Cancels the Armada jobs of executors Spark has decided to kill. */
  public void killExecutors(Collection<String> executorIds) {
    if (tracker == null) {
      return;
    }
    if (allocator != null) {
      List<Integer> ids = new ArrayList<>();
      executorIds.forEach(e -> ExecutorAllocators.id(e).ifPresent(ids::add));
      allocator.released(ids);
    }
    List<String> jobs = new ArrayList<>();
    for (String id : executorIds) {
      String job = tracker.jobIdOf(id);
      if (job != null) {
        jobs.add(job);
      }
    }
    cancel(jobs, KILL_REASON);
  }

  /**
   * After Spark has told its executors to stop: cancels executor jobs that never started, waits up
   * to the grace period for the running ones to end by themselves, cancels what is left, then
   * closes the connection to Armada.
   */
  /** Spark is about to stop its executors: their ends are expected, not losses to report. */
  public void beforeSparkStops() {
    stopping = true;
    if (allocator != null) {
      allocator.close();
    }
    if (registrationWatch != null) {
      registrationWatch.close();
    }
    lossNotifier.shutdownNow();
  }

  public void stop() {
    beforeSparkStops();
    if (tracker == null) {
      return;
    }
    if (!deleteExecutors) {
      LOG.info("{}=false: executor jobs are left to end on their own", ArmadaConfigKeys.DELETE_EXECUTORS.name());
      watch.close();
      client.close();
      return;
    }
    // executors that never started have nothing to finish: cancel them at once
    cancel(tracker.notYetRunningJobIds(), STOP_REASON);
    long deadline = System.nanoTime() + stopGrace.toNanos();
    try {
      while (!tracker.activeJobIds().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<String> leftovers = tracker.activeJobIds();
    cancel(leftovers, STOP_REASON);
    watch.close();
    client.close();
  }

  private void notifyLoss(String executorId, String jobId, JobEvent event) {
    if (stopping) {
      return; // Spark is shutting its executors down itself
    }
    String reason = describe(jobId, event);
    boolean causedByApp = event.kind() == JobEvent.Kind.FAILED;
    tellSpark(() -> lossHandler.executorJobEnded(executorId, reason, causedByApp));
  }

  /** Tells Spark something on the notifier thread, unless the application is stopping. */
  private void tellSpark(Runnable toSpark) {
    try {
      lossNotifier.execute(() -> {
        if (!stopping) {
          toSpark.run();
        }
      });
    } catch (RejectedExecutionException e) {
      // stopping
    }
  }

  private void cancel(List<String> jobIds, String reason) {
    if (jobIds.isEmpty()) {
      return;
    }
    try {
      client.cancelJobs(queue, jobSetId, jobIds, reason);
      LOG.info("Cancelled executor jobs {} ({})", jobIds, reason);
    } catch (ArmadaClientException e) {
      LOG.error("Could not cancel executor jobs {}: {}", jobIds, e.getMessage());
    }
  }

  private static String describe(String jobId, JobEvent event) {
    switch (event.kind()) {
      case SUCCEEDED:
        return "Armada job " + jobId + " succeeded";
      case CANCELLED:
        return "Armada job " + jobId + " was cancelled";
      default:
        return "Armada job " + jobId + " failed: " + event.reason();
    }
  }
}
