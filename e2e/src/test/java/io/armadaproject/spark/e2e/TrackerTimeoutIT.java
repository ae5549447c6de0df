package io.armadaproject.spark.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.armadaproject.spark.core.events.JobEvent;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * spark.armada.executor.trackerTimeout: Armada has room for the driver only, so no executor ever
 * starts; the driver gives up after the timeout with a message naming both tracker keys and the
 * counts, the submission fails, and the queued executor jobs are cancelled.
 */
class TrackerTimeoutIT {
  @TempDir Path tmp;

  @Test
  void driverStopsWhenExecutorsDoNotRegisterInTime() throws Exception {
    String jobSet = "e2e-tracker-" + System.nanoTime();
    try (LocalArmadaProcess armada = LocalArmadaProcess.start(tmp, "e2e", "--cores", "1500m")) {
      ProcessResult submit = SparkSubmitRun.run(600, PiSubmission.args(armada.master(), jobSet, 2,
          "spark.scheduler.maxRegisteredResourcesWaitingTime=300s",
          "spark.armada.executor.trackerTimeout=5s",
          "spark.armada.executor.trackerPollingInterval=500ms"));
      assertThat(submit.exitCode).as(submit.toString()).isNotZero();
      assertThat(submit.output).contains("failed");

      Matcher m = Pattern.compile("Driver job ID: (\\S+)").matcher(submit.output);
      assertThat(m.find()).isTrue();
      assertThat(armada.containerLog(m.group(1), "driver"))
          .contains("Only 0 of the 2 executors needed registered within spark.armada.executor.trackerTimeout=5s")
          .contains("spark.armada.executor.trackerPollingInterval=500ms");

      JobSetView view = JobSetView.of(armada.jobSetEvents("e2e", jobSet));
      assertThat(view.withRole("driver")).singleElement()
          .satisfies(d -> assertThat(d.state()).isEqualTo(JobEvent.Kind.FAILED));
      assertThat(view.withRole("executor")).hasSize(2)
          .allSatisfy(e -> assertThat(e.state()).as(e.toString()).isEqualTo(JobEvent.Kind.CANCELLED));
    }
  }
}
