package io.armadaproject.spark.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.armadaproject.spark.core.events.JobEvent;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walking skeleton, for real: local-armada as a process, ArmadaSparkSubmit as a process in
 * cluster mode, a driver JVM and two executor JVMs as pods, the Pi example as the application.
 */
class PiOnLocalArmadaIT {
  private static final Pattern PI = Pattern.compile("Pi is roughly ([0-9.]+)");
  private static final Pattern DRIVER_JOB = Pattern.compile("Driver job ID: (\\S+)");

  @TempDir Path tmp;

  @Test
  void piRunsEndToEndInClusterMode() throws Exception {
    String jobSet = "e2e-pi-" + System.nanoTime();
    ProcessResult submit;
    JobSetView view;
    String driverLog;
    try (LocalArmadaProcess armada = LocalArmadaProcess.start(tmp, "e2e")) {
      submit = SparkSubmitRun.run(600, PiSubmission.args(armada.master(), jobSet, 20, "spark.app.name=e2e-pi"));
      assertThat(submit.exitCode).as("submit output:\n%s\nlocal-armada:\n%s", submit, armada.log()).isZero();
      System.out.println("armada-spark-submit ran for " + submit.millis + " ms; jobs submitted "
          + submit.millisAtLine("Submitted 3 jobs") + " ms after it started");

      view = JobSetView.of(armada.jobSetEvents("e2e", jobSet));
      Matcher m = DRIVER_JOB.matcher(submit.output);
      assertThat(m.find()).as("driver job id printed:\n%s", submit.output).isTrue();
      driverLog = armada.containerLog(m.group(1), "driver");
      waitForTerminal(armada, jobSet);
      view = JobSetView.of(armada.jobSetEvents("e2e", jobSet));
      assertThat(submit.output).contains("Lookout URL");
      for (String id : view.jobs.keySet()) {
        assertThat(submit.output).contains(id);
      }
      assertThat(armada.stats().getSubmitJobsCalls()).as("driver, then all executors in one call").isEqualTo(2);
      armada.close();
      assertThat(armada.processesMentioningWorkDir()).as("processes left after local-armada stopped").isEmpty();
    }

    Matcher pi = PI.matcher(driverLog);
    assertThat(pi.find()).as("driver log:\n%s", driverLog).isTrue();
    assertThat(Double.parseDouble(pi.group(1))).isCloseTo(Math.PI, org.assertj.core.data.Offset.offset(0.01));

    assertThat(view.jobs).hasSize(3);
    assertThat(view.withRole("driver")).hasSize(1);
    assertThat(view.withRole("executor")).hasSize(2);
    assertThat(view.jobs.values()).allSatisfy(j -> assertThat(j.state()).as(j.toString()).isEqualTo(JobEvent.Kind.SUCCEEDED));

    assertThat(driverLog).containsPattern("Registered executor .* with ID 1,");
    assertThat(driverLog).containsPattern("Registered executor .* with ID 2,");
    assertThat(driverLog).contains("Executors registered: 2");
  }

  /** Executors end just after the driver; give Armada's events a moment to say so. */
  private static void waitForTerminal(LocalArmadaProcess armada, String jobSet) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      JobSetView v = JobSetView.of(armada.jobSetEvents("e2e", jobSet));
      if (!v.jobs.isEmpty() && v.jobs.values().stream().allMatch(j -> j.state().isTerminal())) {
        return;
      }
      Thread.sleep(100);
    }
  }
}
