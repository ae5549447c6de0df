package io.armadaproject.spark.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.armadaproject.spark.api.EventStreamMessage;
import io.armadaproject.spark.core.client.ArmadaClient;
import io.armadaproject.spark.core.client.ArmadaClientOptions;
import io.armadaproject.spark.core.client.ArmadaEndpoint;
import io.armadaproject.spark.core.events.JobEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Armada that requires a bearer token: the token comes from a token script, reaches Armada from
 * the submitter and from the driver, and appears in no output and no pod argument.
 */
class AuthIT {
  private static final String TOKEN = "tok-" + Long.toHexString(System.nanoTime()) + "-secret";

  @TempDir Path tmp;

  @Test
  void tokenFromAScriptRunsTheApplicationAndStaysSecret() throws Exception {
    Path script = tmp.resolve("token.sh");
    Files.writeString(script, "#!/bin/sh\necho " + TOKEN + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    String jobSet = "e2e-auth-" + System.nanoTime();
    try (LocalArmadaProcess armada = LocalArmadaProcess.start(tmp, "e2e", "--token", TOKEN)) {
      ProcessResult refused = SparkSubmitRun.run(120, PiSubmission.args(armada.master(), "refused-" + jobSet, 4));
      assertThat(refused.exitCode).isNotZero();
      assertThat(refused.output).contains(armada.master()).containsIgnoringCase("token");

      ProcessResult ok = SparkSubmitRun.run(600, PiSubmission.args(armada.master(), jobSet, 4,
          "spark.armada.auth.script.path=" + script));
      assertThat(ok.exitCode).as("%s\nlocal-armada:\n%s", ok, armada.log()).isZero();
      assertThat(ok.output).doesNotContain(TOKEN);

      List<EventStreamMessage> events;
      try (ArmadaClient client = ArmadaClient.connect(ArmadaEndpoint.parseMaster(armada.master()),
          ArmadaClientOptions.builder().bearerToken(TOKEN).build())) {
        events = client.readJobSet("e2e", jobSet);
      }
      JobSetView view = JobSetView.of(events);
      assertThat(view.jobs).hasSize(3);
      assertThat(view.jobs.values()).allSatisfy(j -> assertThat(j.state()).isEqualTo(JobEvent.Kind.SUCCEEDED));
      for (EventStreamMessage m : events) {
        if (m.getMessage().hasSubmitted()) {
          m.getMessage().getSubmitted().getJob().getPodSpec().getContainersList()
              .forEach(c -> assertThat(String.join(" ", c.getArgsList())).doesNotContain(TOKEN));
        }
      }
      Matcher driver = Pattern.compile("Driver job ID: (\\S+)").matcher(ok.output);
      assertThat(driver.find()).isTrue();
      String driverLog = armada.containerLog(driver.group(1), "driver");
      assertThat(driverLog).contains("Pi is roughly").doesNotContain(TOKEN);
      assertThat(driverLog).contains("Following Armada job set " + jobSet)
          .as("the driver reached Armada with the token").doesNotContain("Armada event stream for job set");
    }
  }
}
