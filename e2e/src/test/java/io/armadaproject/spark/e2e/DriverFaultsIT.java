package io.armadaproject.spark.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.armadaproject.spark.core.events.JobEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults around the driver: its event stream drops; Armada is down for a minute; the driver JVM is killed. */
class DriverFaultsIT {
  @TempDir Path tmp;

  @Test
  void droppedEventStreamsResumeWithoutDuplicateExecutors() throws Exception {
    String jobSet = "e2e-drop-" + System.nanoTime();
    try (LocalArmadaProcess armada = LocalArmadaProcess.start(Files.createDirectories(tmp.resolve("la")), "e2e")) {
      CompletableFuture<ProcessResult> submit = PiRuns.startSlowPi(armada, jobSet, 12).submit();
      Thread.sleep(2_000);
      int dropped = armada.dropEventStreams();
      assertThat(dropped).as("open event streams dropped").isPositive();
      ProcessResult result = submit.get(600, TimeUnit.SECONDS);
      assertThat(result.exitCode).as(result.toString()).isZero();
      String driverLog = PiRuns.driverLog(armada, result);
      PiRuns.assertPi(driverLog);
      assertThat(driverLog + result.output).as("a stream was interrupted and resumed").contains("interrupted");
      JobSetView view = PiRuns.awaitTerminal(armada, jobSet);
      assertThat(view.withRole("executor")).as("no executor replaced or added").hasSize(2)
          .allSatisfy(j -> assertThat(j.state()).isEqualTo(JobEvent.Kind.SUCCEEDED));
    }
  }

  @Test
  void anArmadaOutageOfAMinuteLeavesRunningExecutorsAloneAndAllocationResumesAfterIt() throws Exception {
    String jobSet = "e2e-outage-" + System.nanoTime();
    try (LocalArmadaProcess armada = LocalArmadaProcess.start(Files.createDirectories(tmp.resolve("la")), "e2e")) {
      // 120 one-second tasks: the stage outlasts the outage
      CompletableFuture<ProcessResult> submit = PiRuns.startSlowPi(armada, jobSet, 120).submit();
      armada.outage(60);
      long outageStart = System.nanoTime();
      Thread.sleep(5_000);
      assertThat(armada.killOneExecutorJvm()).as("an executor lost during the outage").isTrue();
      ProcessResult result = submit.get(600, TimeUnit.SECONDS);
      System.out.println("Armada outage of 60 s: the application ended "
          + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - outageStart) + " s after it began");
      assertThat(result.exitCode).as(result.toString()).isZero();
      PiRuns.assertPi(PiRuns.driverLog(armada, result));
      JobSetView view = PiRuns.awaitTerminal(armada, jobSet);
      assertThat(view.withRole("executor")).as("the lost executor replaced once Armada was back").hasSize(3);
      assertThat(view.withRole("executor")).filteredOn(j -> j.state() == JobEvent.Kind.FAILED).hasSize(1);
      assertThat(view.withRole("executor")).filteredOn(j -> !"3".equals(j.labels.get("spark-exec-id")))
          .filteredOn(j -> j.state() == JobEvent.Kind.SUCCEEDED)
          .as("the executor that kept running through the outage").hasSize(1)
          .allSatisfy(j -> assertThat(j.history.stream().filter(k -> k == JobEvent.Kind.RUNNING)).hasSize(1));
    }
  }

  @Test
  void aKilledDriverLeavesNoJobBehindWithinSixtySeconds() throws Exception {
    String jobSet = "e2e-kill-" + System.nanoTime();
    try (LocalArmadaProcess armada = LocalArmadaProcess.start(Files.createDirectories(tmp.resolve("la")), "e2e")) {
      CompletableFuture<ProcessResult> submit = PiRuns.startSlowPi(armada, jobSet, 60).submit();
      ProcessHandle driver = ProcessHandle.allProcesses()
          .filter(p -> p.info().commandLine().map(c -> c.contains("--deploy-mode client") && c.contains(jobSet))
              .orElse(false))
          .findFirst().orElseThrow(() -> new AssertionError("no driver JVM found"));
      driver.destroyForcibly(); // SIGKILL
      long killed = System.nanoTime();
      JobSetView view = JobSetView.of(armada.jobSetEvents("e2e", jobSet));
      while (!view.jobs.values().stream().allMatch(j -> j.state().isTerminal())
          && System.nanoTime() - killed < TimeUnit.SECONDS.toNanos(60)) {
        Thread.sleep(200);
        view = JobSetView.of(armada.jobSetEvents("e2e", jobSet));
      }
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed);
      System.out.println("after SIGKILL of the driver, every job was terminal within " + millis + " ms: " + view.jobs.values());
      assertThat(view.jobs.values()).as(view.jobs.toString()).allSatisfy(j -> assertThat(j.state().isTerminal()).isTrue());
      assertThat(view.withRole("driver")).allSatisfy(j -> assertThat(j.state()).isEqualTo(JobEvent.Kind.FAILED));
      ProcessResult result = submit.get(120, TimeUnit.SECONDS);
      assertThat(result.exitCode).isNotZero();
      armada.close();
      assertThat(armada.processesMentioningWorkDir()).as("processes left").isEmpty();
    }
  }
}
