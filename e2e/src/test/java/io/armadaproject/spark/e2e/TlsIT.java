package io.armadaproject.spark.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.armadaproject.spark.core.client.ArmadaClient;
import io.armadaproject.spark.core.client.ArmadaClientOptions;
import io.armadaproject.spark.core.client.ArmadaEndpoint;
import io.armadaproject.spark.core.events.JobEvent;
import io.armadaproject.spark.core.testing.SelfSignedTls;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Pi application against an Armada that serves TLS only and requires a token. */
class TlsIT {
  private static final String TOKEN = "tls-token-" + Long.toHexString(System.nanoTime());

  @TempDir Path tmp;

  @Test
  void piRunsOverTlsWithAToken() throws Exception {
    SelfSignedTls tls = SelfSignedTls.create(tmp.resolve("tls"));
    String jobSet = "e2e-tls-" + System.nanoTime();
    try (LocalArmadaProcess armada = LocalArmadaProcess.start(tmp, "e2e", "--token", TOKEN,
        "--tls-cert", tls.certificate().toString(), "--tls-key", tls.privateKey().toString())) {
      String master = "armada+tls://127.0.0.1:" + armada.port;
      ProcessResult plain = SparkSubmitRun.run(120, PiSubmission.args(armada.master(), "plain-" + jobSet, 2,
          "spark.armada.auth.token=" + TOKEN));
      assertThat(plain.exitCode).as("a plaintext client cannot talk to a TLS-only Armada").isNotZero();

      ProcessResult ok = SparkSubmitRun.run(600, PiSubmission.args(master, jobSet, 4,
          "spark.armada.auth.token=" + TOKEN, "spark.armada.tls.caCertPath=" + tls.certificate()));
      assertThat(ok.exitCode).as("%s\nlocal-armada:\n%s", ok, armada.log()).isZero();
      assertThat(ok.output).doesNotContain(TOKEN);

      try (ArmadaClient client = ArmadaClient.connect(ArmadaEndpoint.parseMaster(master),
          ArmadaClientOptions.builder().bearerToken(TOKEN).caCertFile(tls.certificate()).build())) {
        JobSetView view = JobSetView.of(client.readJobSet("e2e", jobSet));
        assertThat(view.jobs).hasSize(3);
        assertThat(view.jobs.values()).allSatisfy(j -> assertThat(j.state()).isEqualTo(JobEvent.Kind.SUCCEEDED));
      }
    }
  }
}
