package io.armadaproject.spark.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.armadaproject.spark.core.events.JobEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Executors lost mid-stage, preempted, scaled by dynamic allocation or never able to start: the
 * application's result and the final state of every job in its job set.
 */
class ExecutorLifecycleIT {

  @TempDir Path tmp;

  @Test
  void aKilledExecutorIsReplacedAndTheApplicationSucceeds() throws Exception {
    runDisturbed("e2e-lost-", (armada, jobSet, executor1) -> assertThat(armada.killOneExecutorJvm()).isTrue(),
        (view, driverLog) -> assertThat(view.withRole("executor")).filteredOn(j -> j.state() == JobEvent.Kind.FAILED)
            .as("the killed executor's job").hasSize(1));
  }

  @Test
  void anExecutorJobFailedByArmadaIsReplaced() throws Exception {
    runDisturbed("e2e-failed-", (armada, jobSet, executor1) -> armada.failJob(executor1, "e2e: node lost"),
        (view, driverLog) -> assertThat(view.jobs.get(PiRuns.executorJob(view, "1")).state())
            .isEqualTo(JobEvent.Kind.FAILED));
  }

  @Test
  void aPreemptedExecutorIsReplacedWithoutCountingAsAFailure() throws Exception {
    runDisturbed("e2e-preempt-", (armada, jobSet, executor1) -> armada.preempt("e2e", jobSet, executor1),
        (view, driverLog) -> {
          JobSetView.Job preempted = view.jobs.get(PiRuns.executorJob(view, "1"));
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
      List<String> args = PiRuns.withoutConf(PiSubmission.args(armada.master(), jobSet, 4,
          "spark.executor.instances=1", "spark.executor.maxNumFailures=2",
          "spark.armada.driver.jobItemTemplate=" + driverTemplate,
          "spark.armada.executor.jobItemTemplate=" + executorTemplate), "spark.armada.container.image=armada-spark");
      ProcessResult submit = SparkSubmitRun.run(600, args);
      assertThat(submit.exitCode).as(submit.toString()).isNotZero();
      String driverLog = PiRuns.driverLog(armada, submit);
      assertThat(driverLog).contains("3 executor failures, more than spark.executor.maxNumFailures=2")
          .contains("executor 1:").contains("executor 2:").contains("executor 3:");
      JobSetView view = PiRuns.awaitTerminal(armada, jobSet);
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
      List<String> args = PiRuns.withoutConf(PiSubmission.args(armada.master(), jobSet, 8,
          "spark.dynamicAllocation.enabled=true", "spark.dynamicAllocation.shuffleTracking.enabled=true",
          "spark.dynamicAllocation.minExecutors=0", "spark.dynamicAllocation.maxExecutors=2",
          "spark.dynamicAllocation.schedulerBacklogTimeout=1s", "spark.dynamicAllocation.executorIdleTimeout=2s"),
          "spark.executor.instances=2");
      args.add("1500"); // ms per slice: a stage of 8 tasks long enough to want both executors
      args.add("15000"); // then idle long enough to give them back
      ProcessResult submit = SparkSubmitRun.run(600, args);
      assertThat(submit.exitCode).as(submit.toString()).isZero();
      assertThat(submit.output).contains("Submitted 1 jobs (1 driver, 0 executors)");
      PiRuns.assertPi(PiRuns.driverLog(armada, submit));
      JobSetView view = PiRuns.awaitTerminal(armada, jobSet);
      assertThat(view.withRole("executor")).as(view.jobs.toString()).hasSize(2)
          .allSatisfy(j -> assertThat(j.history).contains(JobEvent.Kind.RUNNING))
          .allSatisfy(j -> assertThat(j.state()).as("released after the idle timeout").isEqualTo(JobEvent.Kind.CANCELLED));
      System.out.println("dynamic allocation: " + (armada.stats().getSubmitJobsCalls() - 1)
          + " SubmitJobs calls for " + view.withRole("executor").size() + " executors");
    }
  }

  @Test
  void aFailedTaskIsRetriedAsOnAnyCluster() throws Exception {
    String jobSet = "e2e-task-retry-" + System.nanoTime();
    try (LocalArmadaProcess armada = LocalArmadaProcess.start(Files.createDirectories(tmp.resolve("la")), "e2e")) {
      List<String> args = new ArrayList<>(PiSubmission.args(armada.master(), jobSet, 4,
          "spark.task.maxFailures=2"));
      args.addAll(List.of("0", "0", "fail-first-attempt"));
      ProcessResult submit = SparkSubmitRun.run(600, args);
      assertThat(submit.exitCode).as(submit.toString()).isZero();
      String driverLog = PiRuns.driverLog(armada, submit);
      assertThat(driverLog).contains("slice 0 fails its first attempt");
      PiRuns.assertPi(driverLog);
      assertThat(PiRuns.awaitTerminal(armada, jobSet).withRole("executor")).hasSize(2)
          .allSatisfy(j -> assertThat(j.state()).isEqualTo(JobEvent.Kind.SUCCEEDED));
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
      // 24 one-second tasks on two one-core executors: a stage of about 12 s
      PiRuns.SlowPi run = PiRuns.startSlowPi(armada, jobSet, 24, extraConf);
      Thread.sleep(4_000); // into the stage
      disturbance.apply(armada, jobSet, run.executor1Job());
      ProcessResult result = run.submit().get(600, TimeUnit.SECONDS);
      assertThat(result.exitCode).as("%s\nlocal-armada:\n%s", result, armada.log()).isZero();
      String driverLog = PiRuns.driverLog(armada, result);
      PiRuns.assertPi(driverLog);
      JobSetView view = PiRuns.awaitTerminal(armada, jobSet);
      assertThat(view.withRole("executor")).as("a replacement executor job").hasSize(3);
      assertThat(view.jobs.values()).filteredOn(j -> "3".equals(j.labels.get("spark-exec-id"))).hasSize(1);
      assertThat(view.withRole("driver")).allSatisfy(j -> assertThat(j.state()).isEqualTo(JobEvent.Kind.SUCCEEDED));
      check.check(view, driverLog);
      armada.close();
      assertThat(armada.processesMentioningWorkDir()).as("processes left").isEmpty();
    }
  }

}
