package io.armadaproject.spark.localarmada.pods;

import io.armadaproject.spark.api.Cause;
import io.armadaproject.spark.api.ContainerStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job's pod on its own thread: takes a loopback address and host names, runs init containers in
 * order (sidecars keep running), then all main containers until they all succeed or one fails, and finally
 * stops whatever still runs (SIGTERM, then SIGKILL after the grace period) and gives the address back.
 */
final class PodRun implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(PodRun.class);
  private static final Object STOP = new Object();
  private static final int STATUS_MESSAGE_BYTES = 2048;

  private record Exit(ContainerProcess container) {}

  /** How the pod's containers ended, before teardown. */
  private record Ending(boolean succeeded, boolean stopped, String reason) {}

  private final PodRequest request;
  private final PodEnvironment environment;
  private final PodListener listener;
  private final Duration defaultGrace;
  private final String uid = UUID.randomUUID().toString();
  private final BlockingQueue<Object> signals = new LinkedBlockingQueue<>();
  private final List<ContainerProcess> started = new CopyOnWriteArrayList<>();
  private final Map<ContainerProcess, ContainerStatus> statuses = new LinkedHashMap<>();
  private volatile Duration stopGrace;
  private volatile boolean stopRequested;

  PodRun(PodRequest request, PodEnvironment environment, PodListener listener, Duration defaultGrace) {
    this.request = request;
    this.environment = environment;
    this.listener = listener;
    this.defaultGrace = defaultGrace;
  }

  /** Asks the pod to stop; its processes get {@code grace} between SIGTERM and SIGKILL. */
  void stop(Duration grace) {
    stopGrace = grace;
    stopRequested = true;
    signals.add(STOP);
  }

  int liveProcesses() {
    return (int) started.stream().filter(ContainerProcess::isAlive).count();
  }

  @Override
  public void run() {
    String ip = null;
    Ending ending;
    try {
      ip = environment.addresses().acquire();
      PodContext context = PodContext.of(request, uid, ip);
      List<String> serviceNames = ServiceNames.of(request).stream().map(ServiceNames.Service::name).toList();
      List<String> hostNames = new ArrayList<>();
      hostNames.add(request.podName());
      serviceNames.forEach(name -> hostNames.addAll(qualified(name)));
      environment.hosts().put(request.jobId(), ip, hostNames);
      PodInfo pod = new PodInfo(request.podName(), uid, request.namespace(), ip,
          environment.planner().logDir(request.jobId()), serviceNames);
      listener.podPending(request.jobId(), pod);
      ending = execute(context, pod);
    } catch (PodSetupException e) {
      ending = new Ending(false, false, e.getMessage());
    } catch (IOException | RuntimeException e) {
      LOG.warn("pod of job {} could not run", request.jobId(), e);
      ending = new Ending(false, false, "local-armada could not run the pod: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ending = new Ending(false, true, "local-armada is stopping");
    }
    teardown(stopGrace != null ? stopGrace : defaultGrace);
    environment.hosts().remove(request.jobId());
    if (ip != null) {
      environment.addresses().release(ip);
    }
    List<ContainerStatus> all = new ArrayList<>(statuses.values());
    PodOutcome outcome = ending.succeeded() ? PodOutcome.success(all)
        : ending.stopped() ? PodOutcome.stopped(all) : PodOutcome.failure(ending.reason(), all);
    listener.podFinished(request.jobId(), outcome);
  }

  private Ending execute(PodContext context, PodInfo pod) throws PodSetupException, IOException, InterruptedException {
    List<ContainerPlan> plans = environment.planner().plan(context);
    if (request.podSpec().getVolumesCount() > 0) {
      LOG.warn("job {}: local-armada does not provide pod volumes; ignoring {}", request.jobId(),
          request.podSpec().getVolumesList().stream().map(volume -> volume.getName()).toList());
    }
    for (ContainerPlan plan : plans.stream().filter(ContainerPlan::init).toList()) {
      if (stopRequested) {
        return new Ending(false, true, "");
      }
      ContainerProcess init = start(plan);
      if (plan.sidecar()) {
        continue;
      }
      if (!awaitExits(Set.of(init))) {
        return new Ending(false, true, "");
      }
      if (init.exitCode() != 0) {
        return new Ending(false, false, "Init container " + plan.name() + " failed with exit code " + init.exitCode());
      }
    }
    if (stopRequested) {
      return new Ending(false, true, "");
    }
    Set<ContainerProcess> mains = new HashSet<>();
    for (ContainerPlan plan : plans.stream().filter(plan -> !plan.init()).toList()) {
      mains.add(start(plan));
    }
    listener.podRunning(request.jobId(), pod);
    while (!mains.isEmpty()) {
      Object signal = signals.take();
      if (signal == STOP) {
        return new Ending(false, true, "");
      }
      ContainerProcess exited = ((Exit) signal).container();
      record(exited);
      if (mains.remove(exited) && exited.exitCode() != 0) {
        return new Ending(false, false, "Container " + exited.name() + " failed with exit code " + exited.exitCode());
      }
    }
    return new Ending(true, false, "");
  }

  /** Waits until all of {@code containers} exited; false when asked to stop first. */
  private boolean awaitExits(Set<ContainerProcess> containers) throws InterruptedException {
    Set<ContainerProcess> waiting = new HashSet<>(containers);
    while (!waiting.isEmpty()) {
      Object signal = signals.take();
      if (signal == STOP) {
        return false;
      }
      ContainerProcess exited = ((Exit) signal).container();
      record(exited);
      waiting.remove(exited);
    }
    return true;
  }

  private ContainerProcess start(ContainerPlan plan) throws IOException {
    ContainerProcess container = ContainerProcess.start(environment.launcher(), plan);
    started.add(container);
    container.ended().thenRun(() -> signals.add(new Exit(container)));
    LOG.info("job {}: started container {} (pid {}): {}", request.jobId(), plan.name(), container.pid(), plan.command());
    return container;
  }

  private synchronized void record(ContainerProcess container) {
    if (statuses.containsKey(container)) {
      return;
    }
    int code = container.exitCode();
    ContainerStatus.Builder status = ContainerStatus.newBuilder()
        .setName(container.name())
        .setExitCode(code)
        .setReason(code == 0 ? "Completed" : "Error")
        .setCause(Cause.Error);
    if (code != 0) {
      status.setMessage(LogTail.read(container.plan().logFile(), STATUS_MESSAGE_BYTES));
    }
    statuses.put(container, status.build());
    LOG.info("job {}: container {} exited with code {}", request.jobId(), container.name(), code);
  }

  /** SIGTERM to everything still running, SIGKILL after {@code grace}; records every exit. */
  private void teardown(Duration grace) {
    List<ContainerProcess> alive = started.stream().filter(ContainerProcess::isAlive).toList();
    alive.forEach(ContainerProcess::terminate);
    long deadline = System.nanoTime() + grace.toNanos();
    for (ContainerProcess container : alive) {
      try {
        container.ended().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        LOG.info("job {}: container {} outlived its grace period of {}s; killing it",
            request.jobId(), container.name(), grace.toSeconds());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (java.util.concurrent.ExecutionException e) {
        // ended() never completes exceptionally
      }
    }
    for (ContainerProcess container : alive) {
      if (container.isAlive()) {
        container.kill();
      }
    }
    started.forEach(container -> container.ended().join());
    started.forEach(this::record);
  }

  /** A service name and the forms Kubernetes DNS also answers to. */
  private List<String> qualified(String service) {
    String namespace = request.namespace();
    return List.of(service, service + "." + namespace, service + "." + namespace + ".svc",
        service + "." + namespace + ".svc.cluster.local");
  }
}
