package io.armadaproject.spark.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.armadaproject.spark.core.events.JobEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Executors lost mid-stage, preempted, scaled by dynamic allocation or never able to start: the
 * application's result and the final state of every job in its job set.
 */
class ExecutorLifecycleIT {
  private static final Pattern PI = Pattern.compile("Pi is roughly ([0-9.]+)");
  private static final Pattern DRIVER_JOB = Pattern.compile("Driver job ID: (\\S+)");

  @TempDir Path tmp;

  @Test
  void aFailedExecutorIsReplacedAndTheApplicationSucceeds() throws Exception {
    runDisturbed("e2e-lost-", (armada, jobSet, executor1) -> armada.failJob(executor1, "e2e: executor lost"),
        (view, driverLog) -> assertThat(view.jobs.values()).filteredOn(j -> j.id.equals(executorJob(view, "1")))
            .allSatisfy(j -> assertThat(j.state()).isEqualTo(JobEvent.Kind.FAILED)));
  }

  @Test
  void aPreemptedExecutorIsReplacedWithoutCountingAsAFailure() throws Exception {
    runDisturbed("e2e-preempt-", (armada, jobSet, executor1) -> armada.preempt("e2e", jobSet, executor1),
        (view, driverLog) -> {
          JobSetView.Job preempted = view.jobs.get(executorJob(view, "1"));
          assertThat(preempted.history).contains(JobEvent.Kind.PREEMPTING, JobEvent.Kind.PREEMPTED);
          assertThat(driverLog).contains("not counted as a failure");
        }, "spark.executor.maxNumFailures=0");
  }

  @Test
  void anExecutorImageThatAlwaysFailsStopsTheApplicationAfterMaxNumFailures() throws Exception {
    Path driverTemplate = Files.writeString(tmp.resolve("driver.yaml"),
        "podSpec: {containers: [{name: driver, image: armada-spark}]}");
    Path executorTemplate = Files.writeString(tmp.resolve("executor.yaml"),
        "podSpec: {containers: [{name: executor, image: no-such-image}]}");
    String jobSet = "e2e-badimage-" + System.nanoTime();
    try (LocalArmadaProcess armada = LocalArmadaProcess.start(Files.createDirectories(tmp.resolve("la")), "e2e")) {
      List<String> args = withoutConf(PiSubmission.args(armada.master(), jobSet, 4,
          "spark.executor.instances=1", "spark.executor.maxNumFailures=2",
          "spark.armada.driver.jobItemTemplate=" + driverTemplate,
          "spark.armada.executor.jobItemTemplate=" + executorTemplate), "spark.armada.container.image=armada-spark");
      ProcessResult submit = SparkSubmitRun.run(600, args);
      assertThat(submit.exitCode).as(submit.toString()).isNotZero();
      String driverLog = driverLog(armada, submit);
      assertThat(driverLog).contains("3 executor failures, more than spark.executor.maxNumFailures=2")
          .contains("executor 1:").contains("executor 2:").contains("executor 3:");
      JobSetView view = awaitTerminal(armada, jobSet);
      assertThat(view.withRole("executor")).hasSize(3)
          .allSatisfy(j -> assertThat(j.state()).isEqualTo(JobEvent.Kind.FAILED));
      assertThat(view.withRole("driver")).allSatisfy(j -> assertThat(j.state()).isEqualTo(JobEvent.Kind.FAILED));
      armada.close();
      assertThat(armada.processesMentioningWorkDir()).as("processes left").isEmpty();
    }
  }

  @Test
  void dynamicAllocationScalesFromZeroToTheStageAndBackDown() throws Exception {
    String jobSet = "e2e-dynamic-" + System.nanoTime();
    try (LocalArmadaProcess armada = LocalArmadaProcess.start(Files.createDirectories(tmp.resolve("la")), "e2e")) {
      List<String> args = withoutConf(PiSubmission.args(armada.master(), jobSet, 8,
          "spark.dynamicAllocation.enabled=true", "spark.dynamicAllocation.shuffleTracking.enabled=true",
          "spark.dynamicAllocation.minExecutors=0", "spark.dynamicAllocation.maxExecutors=2",
          "spark.dynamicAllocation.schedulerBacklogTimeout=1s", "spark.dynamicAllocation.executorIdleTimeout=2s"),
          "spark.executor.instances=2");
      args.add("1500"); // ms per slice: a stage of 8 tasks long enough to want both executors
      args.add("15000"); // then idle long enough to give them back
      ProcessResult submit = SparkSubmitRun.run(600, args);
      assertThat(submit.exitCode).as(submit.toString()).isZero();
      assertThat(submit.output).contains("Submitted 1 jobs (1 driver, 0 executors)");
      assertPi(driverLog(armada, submit));
      JobSetView view = awaitTerminal(armada, jobSet);
      assertThat(view.withRole("executor")).as(view.jobs.toString()).hasSize(2)
          .allSatisfy(j -> assertThat(j.history).contains(JobEvent.Kind.RUNNING))
          .allSatisfy(j -> assertThat(j.state()).as("released after the idle timeout").isEqualTo(JobEvent.Kind.CANCELLED));
      System.out.println("dynamic allocation: " + (armada.stats().getSubmitJobsCalls() - 1)
          + " SubmitJobs calls for " + view.withRole("executor").size() + " executors");
    }
  }

  /** What the test does to executor 1's job while the stage runs. */
  interface Disturbance {
    void apply(LocalArmadaProcess armada, String jobSet, String executor1JobId) throws Exception;
  }

  interface Check {
    void check(JobSetView view, String driverLog) throws Exception;
  }

  private void runDisturbed(String prefix, Disturbance disturbance, Check check, String... extraConf) throws Exception {
    String jobSet = prefix + System.nanoTime();
    try (LocalArmadaProcess armada = LocalArmadaProcess.start(Files.createDirectories(tmp.resolve("la")), "e2e")) {
      List<String> args = new ArrayList<>(PiSubmission.args(armada.master(), jobSet, 24, extraConf));
      args.add("1000"); // 24 one-second tasks on two one-core executors: a stage of about 12 s
      CompletableFuture<ProcessResult> submit = CompletableFuture.supplyAsync(() -> {
        try {
          return SparkSubmitRun.run(600, args);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      String executor1 = awaitRunningExecutors(armada, jobSet);
      Thread.sleep(4_000); // into the stage
      disturbance.apply(armada, jobSet, executor1);
      ProcessResult result = submit.get(600, TimeUnit.SECONDS);
      assertThat(result.exitCode).as("%s\nlocal-armada:\n%s", result, armada.log()).isZero();
      String driverLog = driverLog(armada, result);
      assertPi(driverLog);
      JobSetView view = awaitTerminal(armada, jobSet);
      assertThat(view.withRole("executor")).as("a replacement executor job").hasSize(3);
      assertThat(view.jobs.values()).filteredOn(j -> "3".equals(j.labels.get("spark-exec-id"))).hasSize(1);
      assertThat(view.withRole("driver")).allSatisfy(j -> assertThat(j.state()).isEqualTo(JobEvent.Kind.SUCCEEDED));
      check.check(view, driverLog);
      armada.close();
      assertThat(armada.processesMentioningWorkDir()).as("processes left").isEmpty();
    }
  }

  private static String awaitRunningExecutors(LocalArmadaProcess armada, String jobSet) throws InterruptedException {
    for (int i = 0; i < 1200; i++) {
      JobSetView view = JobSetView.of(armada.jobSetEvents("e2e", jobSet));
      List<JobSetView.Job> running = new ArrayList<>();
      view.withRole("executor").forEach(j -> {
        if (j.state() == JobEvent.Kind.RUNNING) {
          running.add(j);
        }
      });
      if (running.size() == 2) {
        return executorJob(view, "1");
      }
      Thread.sleep(100);
    }
    throw new AssertionError("two executors were not running within 120 s");
  }

  private static String executorJob(JobSetView view, String executorId) {
    return view.withRole("executor").stream().filter(j -> executorId.equals(j.labels.get("spark-exec-id")))
        .findFirst().orElseThrow().id;
  }

  private static JobSetView awaitTerminal(LocalArmadaProcess armada, String jobSet) throws InterruptedException {
    JobSetView view = JobSetView.of(armada.jobSetEvents("e2e", jobSet));
    for (int i = 0; i < 600 && !view.jobs.values().stream().allMatch(j -> j.state().isTerminal()); i++) {
      Thread.sleep(100);
      view = JobSetView.of(armada.jobSetEvents("e2e", jobSet));
    }
    JobSetView finalView = view;
    assertThat(view.jobs.values()).as(view.jobs.toString()).allSatisfy(j -> assertThat(j.state().isTerminal())
        .as(j + " in " + finalView.jobs).isTrue());
    return view;
  }

  private static String driverLog(LocalArmadaProcess armada, ProcessResult submit) throws Exception {
    Matcher m = DRIVER_JOB.matcher(submit.output);
    assertThat(m.find()).as(submit.output).isTrue();
    return armada.containerLog(m.group(1), "driver");
  }

  private static void assertPi(String driverLog) {
    Matcher pi = PI.matcher(driverLog);
    assertThat(pi.find()).as(driverLog).isTrue();
    assertThat(Double.parseDouble(pi.group(1))).isCloseTo(Math.PI, Offset.offset(0.01));
  }

  private static List<String> withoutConf(List<String> args, String conf) {
    List<String> out = new ArrayList<>(args);
    int i = out.indexOf(conf);
    out.remove(i);
    out.remove(i - 1);
    return out;
  }
}
