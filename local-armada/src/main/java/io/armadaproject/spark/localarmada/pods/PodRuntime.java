package io.armadaproject.spark.localarmada.pods;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs pods as local processes, one thread per pod, and stops them all on shutdown. */
public final class PodRuntime {

  private static final Logger LOG = LoggerFactory.getLogger(PodRuntime.class);
  private static final Duration MAX_GRACE = Duration.ofSeconds(30);

  private final PodEnvironment environment;
  private final Map<String, PodRun> runs = new ConcurrentHashMap<>();
  private final ExecutorService threads;

  public PodRuntime(ContainerPlanner planner, LoopbackAddressPool addresses, HostsFile hosts, ProcessLauncher launcher) {
    this.environment = new PodEnvironment(planner, addresses, hosts, launcher);
    AtomicInteger counter = new AtomicInteger();
    this.threads = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "pod-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /** The grace period a pod gets between SIGTERM and SIGKILL: its terminationGracePeriodSeconds, capped at 30 s. */
  public static Duration graceOf(PodRequest request) {
    Duration grace = Duration.ofSeconds(Math.max(0, request.podSpec().getTerminationGracePeriodSeconds()));
    return grace.compareTo(MAX_GRACE) > 0 ? MAX_GRACE : grace;
  }

  /** Starts the pod on its own thread; {@code listener} hears its progress. */
  public void start(PodRequest request, PodListener listener) {
    PodRun run = new PodRun(request, environment, new PodListener() {
      @Override
      public void podPending(String jobId, PodInfo pod) {
        listener.podPending(jobId, pod);
      }

      @Override
      public void podRunning(String jobId, PodInfo pod) {
        listener.podRunning(jobId, pod);
      }

      @Override
      public void podFinished(String jobId, PodOutcome outcome) {
        runs.remove(jobId);
        listener.podFinished(jobId, outcome);
      }
    }, graceOf(request));
    runs.put(request.jobId(), run);
    threads.execute(run);
  }

  /** Asks a running pod to stop; false when the job has no pod here. */
  public boolean stop(String jobId, Duration grace) {
    PodRun run = runs.get(jobId);
    if (run == null) {
      return false;
    }
    run.stop(grace);
    return true;
  }

  public int liveContainerProcesses() {
    return runs.values().stream().mapToInt(PodRun::liveProcesses).sum();
  }

  /** Stops every pod (SIGTERM, SIGKILL after {@code grace}) and waits for them to be gone. */
  public void shutdown(Duration grace) {
    LOG.info("stopping {} pod(s)", runs.size());
    runs.values().forEach(run -> run.stop(grace));
    threads.shutdown();
    try {
      if (!threads.awaitTermination(grace.toMillis() + 10_000, TimeUnit.MILLISECONDS)) {
        LOG.warn("pods did not stop in time: {}", runs.keySet());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
