package io.armadaproject.spark.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.armadaproject.spark.api.JobSubmitRequestItem;
import io.armadaproject.spark.core.client.ArmadaClient;
import io.armadaproject.spark.core.events.JobEvent;
import io.armadaproject.spark.core.model.Pods;
import io.armadaproject.spark.k8s.core.v1.Container;
import io.armadaproject.spark.k8s.core.v1.PodSpec;
import io.armadaproject.spark.submit.cluster.ExecutorItems;
import io.armadaproject.spark.submit.driver.ArmadaDriverSide;
import io.armadaproject.spark.submit.driver.ExecutorAllocator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale: the driver's allocator and event tracking (the real ArmadaDriverSide) drive 10,000
 * executor jobs through local-armada, whose pods for the simulated image run no process. Prints
 * the figures; asserts only outcomes (every executor asked for once, all ended at the stop).
 */
class ExecutorScaleIT {
  private static final int EXECUTORS = Integer.getInteger("scale.executors", 10_000);

  @TempDir Path tmp;

  @Test
  void tenThousandExecutorJobs() throws Exception {
    String jobSet = "scale-" + System.nanoTime();
    try (LocalArmadaProcess server = LocalArmadaProcess.start(tmp, "scale", "--cores", "1000000", "--memory", "100000Gi",
        "--simulate-image", "sim")) {
      String master = server.master();
      List<String> fatal = new CopyOnWriteArrayList<>();
      ArmadaDriverSide driver = new ArmadaDriverSide(
          Map.of("spark.master", master, "spark.armada.queue", "scale", "spark.executor.instances", "0",
              "spark.dynamicAllocation.enabled", "true", "spark.armada.allocation.maxPendingJobs", "100000"),
          Map.of(ExecutorItems.PROTOTYPE_ENV, ExecutorItems.encode(prototype()), "ARMADA_JOB_ID", "driver-job",
              "ARMADA_JOB_SET_ID", jobSet),
          ArmadaClient::connect, Duration.ofSeconds(1), (id, reason, byApp) -> { }, fatal::add);
      try {
        long heapBefore = usedHeap();
        driver.start("scale-app");
        long start = System.nanoTime();
        driver.requestTotalExecutors(EXECUTORS);
        while (driver.runningExecutorJobs() < EXECUTORS && System.nanoTime() - start < TimeUnit.MINUTES.toNanos(10)) {
          Thread.sleep(100);
        }
        long seconds = System.nanoTime() - start;
        long heapAfter = usedHeap();
        assertThat(driver.runningExecutorJobs()).isEqualTo(EXECUTORS);
        ExecutorAllocator.Stats stats = driver.allocatorStats().orElseThrow();
        long events = driver.eventsSeen();
        System.out.printf("scale: %d executor jobs running %.1f s after the demand%n", EXECUTORS, seconds / 1e9);
        long rpcs = server.stats().getSubmitJobsCalls();
        System.out.printf("scale: allocator calls %d, SubmitJobs RPCs %d (%.4f per executor), demand -> SubmitJobs %.2f ms%n",
            stats.submitCalls, rpcs, rpcs / (double) EXECUTORS, stats.demandToSubmitNanos / 1e6);
        System.out.printf("scale: %d job-set events processed, %.0f events/s%n", events, events / (seconds / 1e9));
        System.out.printf("scale: driver heap %+.1f MiB for %d tracked executors, %.0f bytes each%n",
            (heapAfter - heapBefore) / 1048576.0, EXECUTORS, (heapAfter - heapBefore) / (double) EXECUTORS);
        assertThat(stats.executorsRequested).isEqualTo(EXECUTORS);
        assertThat(fatal).isEmpty();
      } finally {
        driver.beforeSparkStops();
        driver.stop();
      }
      JobSetView view;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      do {
        Thread.sleep(500);
        view = JobSetView.of(server.jobSetEvents("scale", jobSet));
      } while (!view.jobs.values().stream().allMatch(j -> j.state().isTerminal()) && System.nanoTime() < deadline);
      Set<String> executorIds = new HashSet<>();
      view.jobs.values().forEach(j -> executorIds.add(j.labels.get("spark-exec-id")));
      assertThat(view.jobs).hasSize(EXECUTORS);
      assertThat(executorIds).as("each executor asked for once").hasSize(EXECUTORS);
      assertThat(view.jobs.values()).allSatisfy(j -> assertThat(j.state()).isEqualTo(JobEvent.Kind.CANCELLED));
    }
  }

  private static JobSubmitRequestItem prototype() {
    return JobSubmitRequestItem.newBuilder().setNamespace("default")
        .putLabels("spark-app-selector", "scale-app").putLabels("spark-role", "executor")
        .setPodSpec(PodSpec.newBuilder().addContainers(Container.newBuilder().setName("executor").setImage("sim")
            .addEnv(Pods.env("SPARK_EXECUTOR_ID", "0"))
            .setResources(Pods.resources("10m", "10m", "16Mi", "16Mi"))))
        .build();
  }

  private static long usedHeap() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }
}
