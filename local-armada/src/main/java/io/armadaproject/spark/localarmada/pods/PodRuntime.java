package io.armadaproject.spark.localarmada.pods;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
  private final Map<String, PodListener> simulated = new ConcurrentHashMap<>();
  private final Set<String> simulatedImages;
  private final ExecutorService threads;

  public PodRuntime(ContainerPlanner planner, LoopbackAddressPool addresses, HostsFile hosts, ProcessLauncher launcher,
      Set<String> simulatedImages) {
    this.environment = new PodEnvironment(planner, addresses, hosts, launcher);
    this.simulatedImages = Set.copyOf(simulatedImages);
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
    if (isSimulated(request)) {
      simulate(request, listener);
      return;
    }
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

  private boolean isSimulated(PodRequest request) {
    return !simulatedImages.isEmpty() && request.podSpec().getContainersList().stream()
        .allMatch(c -> simulatedImages.contains(c.getImage()));
  }

  /** A pod with no process: pending and running at once, running until it is stopped. */
  private void simulate(PodRequest request, PodListener listener) {
    simulated.put(request.jobId(), listener);
    PodInfo info = new PodInfo("armada-" + request.jobId() + "-0", UUID.randomUUID().toString(), request.namespace(),
        "0.0.0.0", null, List.of());
    threads.execute(() -> {
      listener.podPending(request.jobId(), info);
      listener.podRunning(request.jobId(), info);
    });
  }

  /** Asks a running pod to stop; false when the job has no pod here. */
  public boolean stop(String jobId, Duration grace) {
    PodListener simulatedPod = simulated.remove(jobId);
    if (simulatedPod != null) {
      threads.execute(() -> simulatedPod.podFinished(jobId, PodOutcome.stopped(List.of())));
      return true;
    }
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
