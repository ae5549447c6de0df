package io.armadaproject.spark.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.armadaproject.spark.core.events.JobEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults on the driver's side: its event stream drops mid-run; the driver JVM is killed. */
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
