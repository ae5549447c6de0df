package io.armadaproject.spark.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.armadaproject.spark.core.events.JobEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver cancels what it started: with room for only the driver and one executor, the second
 * executor job never leaves the queue; the application still succeeds on one executor, and when it
 * stops the driver cancels the queued executor job, so the job set ends fully terminal.
 */
class ExecutorCleanupIT {
  @TempDir Path tmp;

  @Test
  void driverCancelsExecutorJobsThatNeverRan() throws Exception {
    String jobSet = "e2e-cleanup-" + System.nanoTime();
    try (LocalArmadaProcess armada = LocalArmadaProcess.start(tmp, "e2e", "--cores", "2")) {
      ProcessResult submit = SparkSubmitRun.run(600, PiSubmission.args(armada.master(), jobSet, 4,
          "spark.scheduler.maxRegisteredResourcesWaitingTime=3s"));
      assertThat(submit.exitCode).as("%s\nlocal-armada:\n%s", submit, armada.log()).isZero();

      JobSetView view = JobSetView.of(armada.jobSetEvents("e2e", jobSet));
      assertThat(view.withRole("driver")).singleElement()
          .satisfies(d -> assertThat(d.state()).isEqualTo(JobEvent.Kind.SUCCEEDED));
      List<JobEvent.Kind> executorEnds =
          view.withRole("executor").stream().map(JobSetView.Job::state).sorted().collect(Collectors.toList());
      assertThat(executorEnds).as(view.toString()).containsExactly(JobEvent.Kind.SUCCEEDED, JobEvent.Kind.CANCELLED);
      assertThat(view.withRole("executor")).filteredOn(j -> j.state() == JobEvent.Kind.CANCELLED)
          .singleElement().satisfies(j -> assertThat(j.history).doesNotContain(JobEvent.Kind.RUNNING));
    }
  }
}
