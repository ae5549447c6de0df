package io.armadaproject.spark.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.armadaproject.spark.api.EventStreamMessage;
import io.armadaproject.spark.core.events.JobEvent;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** spark.armada.driver.serviceNamePrefix: executors reach the driver by the custom service name. */
class ServiceNamePrefixIT {
  @TempDir Path tmp;

  @Test
  void executorsReachTheDriverByItsCustomServiceName() throws Exception {
    String jobSet = "e2e-svc-" + System.nanoTime();
    try (LocalArmadaProcess armada = LocalArmadaProcess.start(tmp, "e2e")) {
      ProcessResult submit = SparkSubmitRun.run(600, PiSubmission.args(armada.master(), jobSet, 4,
          "spark.armada.driver.serviceNamePrefix=pi-driver"));
      assertThat(submit.exitCode).as("%s\nlocal-armada:\n%s", submit, armada.log()).isZero();

      List<EventStreamMessage> events = armada.jobSetEvents("e2e", jobSet);
      JobSetView view = JobSetView.of(events);
      assertThat(view.jobs.values()).hasSize(3)
          .allSatisfy(j -> assertThat(j.state()).isEqualTo(JobEvent.Kind.SUCCEEDED));
      String serviceName = events.stream().filter(m -> m.getMessage().hasSubmitted())
          .map(m -> m.getMessage().getSubmitted().getJob())
          .filter(j -> "driver".equals(j.getLabelsMap().get("spark-role")))
          .findFirst().orElseThrow().getServices(0).getName();
      assertThat(serviceName).matches("pi-driver-[0-9a-f]{10}");
      long executorsUsingIt = events.stream().filter(m -> m.getMessage().hasSubmitted())
          .map(m -> m.getMessage().getSubmitted().getJob())
          .filter(j -> "executor".equals(j.getLabelsMap().get("spark-role")))
          .filter(j -> j.getPodSpec().getContainers(0).getEnvList().stream()
              .anyMatch(e -> e.getValue().contains("@" + serviceName + ":")))
          .count();
      assertThat(executorsUsingIt).isEqualTo(2);
    }
  }
}
