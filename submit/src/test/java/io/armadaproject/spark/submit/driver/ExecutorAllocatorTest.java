package io.armadaproject.spark.submit.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.armadaproject.spark.api.JobSubmitRequestItem;
import io.armadaproject.spark.core.model.GangSpec;
import io.armadaproject.spark.k8s.core.v1.Container;
import io.armadaproject.spark.k8s.core.v1.PodSpec;
import io.armadaproject.spark.core.model.Pods;
import io.armadaproject.spark.submit.cluster.ExecutorItems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExecutorAllocatorTest {
  private static final JobSubmitRequestItem PROTOTYPE = JobSubmitRequestItem.newBuilder()
      .putAnnotations(GangSpec.GANG_ID, "g1")
      .setPodSpec(PodSpec.newBuilder().addContainers(Container.newBuilder().setName("executor")
          .addEnv(Pods.env("SPARK_EXECUTOR_ID", "0"))
          .addEnv(Pods.env("SPARK_DRIVER_URL", "spark://CoarseGrainedScheduler@armada-ARMADA-SPARK-DRIVER-JOB-ID-0-service-0:7078"))))
      .build();
  private final List<List<JobSubmitRequestItem>> calls = new CopyOnWriteArrayList<>();
  private final List<String> fatal = new CopyOnWriteArrayList<>();
  private final AtomicInteger failNextCalls = new AtomicInteger();
  private ExecutorAllocator allocator;

  private ExecutorAllocator allocator(int initial, int maxFailures, int maxPending) {
    allocator = new ExecutorAllocator(PROTOTYPE, "app", "driverjob", initial, maxFailures, maxPending, items -> {
      if (failNextCalls.getAndDecrement() > 0) {
        throw new IllegalStateException("Armada unavailable");
      }
      calls.add(items);
      List<String> ids = new ArrayList<>();
      items.forEach(i -> ids.add("job-" + i.getClientId()));
      return ids;
    }, fatal::add);
    return allocator;
  }

  @AfterEach
  void close() {
    allocator.close();
  }

  @Test
  void aLostExecutorIsReplacedWithTheNextIdOutsideTheGang() throws Exception {
    allocator(2, 3, 100).ended(1, "node lost", true, false);
    await(() -> calls.size() == 1);
    JobSubmitRequestItem replacement = calls.get(0).get(0);
    assertThat(replacement.getLabelsMap()).containsEntry("spark-exec-id", "3");
    assertThat(replacement.getClientId()).isEqualTo("app-exec-3");
    assertThat(replacement.getAnnotationsMap()).doesNotContainKey(GangSpec.GANG_ID);
    assertThat(replacement.getPodSpec().getContainers(0).getEnvList().stream().map(e -> e.getName() + "=" + e.getValue()))
        .contains("SPARK_EXECUTOR_ID=3",
            "SPARK_DRIVER_URL=spark://CoarseGrainedScheduler@armada-driverjob-0-service-0:7078");
    assertThat(allocator.aliveCount()).isEqualTo(2);
    assertThat(allocator.failureCount()).isEqualTo(1);
  }

  @Test
  void preemptionsAndReleasedExecutorsAreNotFailures() throws Exception {
    allocator(2, 0, 100);
    allocator.ended(1, "preempted", true, true);
    await(() -> calls.size() == 1);
    allocator.released(List.of(2));
    allocator.setTarget(1);
    allocator.ended(2, "cancelled", false, false);
    Thread.sleep(200);
    assertThat(calls).hasSize(1);
    assertThat(allocator.failureCount()).isZero();
    assertThat(fatal).isEmpty();
  }

  @Test
  void theWholeGapIsAskedForInOneCallCappedByPending() throws Exception {
    allocator(0, 3, 50).setTarget(120);
    await(() -> calls.size() == 1);
    assertThat(calls.get(0)).hasSize(50);
    for (int id = 1; id <= 50; id++) {
      allocator.running(id);
    }
    allocator.setTarget(120);
    await(() -> calls.size() == 2);
    assertThat(calls.get(1)).hasSize(50);
    assertThat(allocator.stats().submitCalls).isEqualTo(2);
  }

  @Test
  void pastMaxFailuresTheApplicationStopsNamingEveryFailure() throws Exception {
    allocator(3, 2, 100);
    allocator.ended(1, "exit code 1", true, false);
    allocator.ended(2, "OOMKilled", true, false);
    allocator.ended(3, "image pull failed", true, false);
    await(() -> fatal.size() == 1);
    assertThat(fatal.get(0)).contains("3 executor failures, more than spark.executor.maxNumFailures=2")
        .contains("executor 1: exit code 1").contains("executor 2: OOMKilled").contains("executor 3: image pull failed");
  }

  @Test
  void anArmadaOutageIsRiddenOutWithTheSameClientIds() throws Exception {
    failNextCalls.set(2);
    allocator(1, 3, 100).ended(1, "lost", false, false);
    await(() -> calls.size() == 1);
    assertThat(calls.get(0).stream().map(JobSubmitRequestItem::getClientId).collect(Collectors.toList()))
        .containsExactly("app-exec-2");
  }

  @Test
  void theDriverBuildsItsAllocatorFromItsSettingsAndJobEnvironment() throws Exception {
    allocator = fromSettings(Map.of("spark.armada.allocation.maxPendingJobs", "5"));
    allocator.setTarget(20);
    await(() -> calls.size() == 1);
    assertThat(calls.get(0)).as("spark.armada.allocation.maxPendingJobs caps the first request").hasSize(5);
    assertThat(ExecutorAllocators.create(Map.of(), Map.of(), "app", items -> List.of(), (id, reason) -> false, fatal::add))
        .as("outside a driver job").isEmpty();
  }

  @Test
  void anExecutorNotRunningInTimeIsCancelledAndAskedForAgainAfterABackOff() throws Exception {
    List<String> cancelled = new CopyOnWriteArrayList<>();
    allocator(2, 3, 100).withPendingTimeout(java.time.Duration.ofMillis(400), (id, reason) -> cancelled.add(id + ": " + reason));
    allocator.running(1);
    await(() -> cancelled.size() == 1);
    assertThat(cancelled).containsExactly("2: Executor not running in time");
    long timedOut = System.nanoTime();
    await(() -> calls.size() == 1);
    assertThat(System.nanoTime() - timedOut).as("back-off before asking again").isGreaterThan(800_000_000L);
    assertThat(calls.get(0).get(0).getLabelsMap()).containsEntry("spark-exec-id", "3");
    allocator.ended(2, "cancelled", false, false); // the cancellation arrives: neither a failure nor replaced again
    allocator.running(3);
    Thread.sleep(300);
    assertThat(calls).hasSize(1);
    assertThat(allocator.failureCount()).isZero();
    assertThat(allocator.stats().pendingTimeouts).isEqualTo(1);
  }

  @Test
  void batchSizeScaleUpPriorityClassAndCheckIntervalShapeTheDriversRequests() throws Exception {
    allocator = fromSettings(Map.of("spark.armada.allocation.batchSize", "5",
        "spark.armada.allocation.maxPendingJobs", "12", "spark.armada.scheduling.scaleUpPriorityClass", "armada-preemptible",
        "spark.armada.allocation.checkInterval", "300ms"));
    allocator.setTarget(14);
    await(() -> calls.size() == 3);
    assertThat(calls.stream().map(List::size).collect(Collectors.toList()))
        .as("spark.armada.allocation.batchSize=5, 12 pending at most").containsExactly(5, 5, 2);
    assertThat(calls.get(0).get(0).getPodSpec().getPriorityClassName()).isEqualTo("armada-preemptible");
    for (int id = 1; id <= 12; id++) {
      allocator.running(id); // no event asks for the last two: the periodic check does
    }
    await(() -> calls.size() == 4);
    assertThat(calls.get(3)).hasSize(2);
  }

  /** The allocator a driver with these settings (dynamic allocation from 0) builds; its calls are recorded. */
  private ExecutorAllocator fromSettings(Map<String, String> settings) {
    Map<String, String> conf = new java.util.HashMap<>(settings);
    conf.put("spark.executor.instances", "0");
    conf.put("spark.dynamicAllocation.enabled", "true");
    return ExecutorAllocators.create(conf,
        Map.of(ExecutorItems.PROTOTYPE_ENV, ExecutorItems.encode(PROTOTYPE), "ARMADA_JOB_ID", "driverjob"),
        "app", items -> {
          calls.add(items);
          return List.of();
        }, (id, reason) -> false, fatal::add).orElseThrow();
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 10 s");
      }
      Thread.sleep(10);
    }
  }
}
