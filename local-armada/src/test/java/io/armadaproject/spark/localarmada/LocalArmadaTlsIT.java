package io.armadaproject.spark.localarmada;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.armadaproject.spark.core.client.ArmadaClient;
import io.armadaproject.spark.core.client.ArmadaClientOptions;
import io.armadaproject.spark.core.client.ArmadaEndpoint;
import io.armadaproject.spark.core.client.ArmadaUnavailableException;
import io.armadaproject.spark.core.testing.SelfSignedTls;
import io.grpc.Status;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * local-armada started as its own process with {@code --tls-cert}, {@code --tls-key} and {@code --token}, serving a
 * throwaway self-signed certificate made at test time.
 */
class LocalArmadaTlsIT {

  private static final String TOKEN = "secret";
  private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(5);
  private static final Pattern LISTENING =
      Pattern.compile("local-armada listening on 127\\.0\\.0\\.1:([0-9]+) \\(TLS\\)");

  @TempDir
  static Path root;

  private static SelfSignedTls tls;
  private static Process armada;
  private static String listening;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    tls = SelfSignedTls.create(root.resolve("tls"));
    armada = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        LocalArmadaMain.class.getName(),
        "--port", "0", "--work-dir", root.resolve("work").toString(), "--token", TOKEN,
        "--tls-cert", tls.certificate().toString(), "--tls-key", tls.privateKey().toString())
        .redirectError(root.resolve("armada.err").toFile())
        .start();
    BufferedReader out = new BufferedReader(new InputStreamReader(armada.getInputStream(), StandardCharsets.UTF_8));
    listening = out.readLine();
    Matcher matcher = LISTENING.matcher(listening == null ? "" : listening);
    assertThat(matcher.matches()).as("startup line %s; stderr: %s", listening,
        Files.readString(root.resolve("armada.err"))).isTrue();
    port = Integer.parseInt(matcher.group(1));
  }

  @AfterAll
  static void stop() throws Exception {
    if (armada != null) {
      armada.destroy();
      if (!armada.waitFor(60, TimeUnit.SECONDS)) {
        armada.destroyForcibly();
      }
    }
  }

  @Test
  void startupLineSaysTls() {
    assertThat(listening).isEqualTo("local-armada listening on 127.0.0.1:" + port + " (TLS)");
  }

  @Test
  void clientTrustingTheCertificateWithTheTokenIsServed() {
    try (ArmadaClient client = connect("armada+tls", options(TOKEN, tls.certificate()))) {
      client.checkHealth(HEALTH_TIMEOUT);
    }
  }

  @Test
  void clientWithoutTheTokenIsRefused() {
    for (String token : new String[] {null, "not-the-secret"}) {
      try (ArmadaClient client = connect("armada+tls", options(token, tls.certificate()))) {
        assertThatThrownBy(() -> client.checkHealth(HEALTH_TIMEOUT))
            .as("token %s", token)
            .isInstanceOfSatisfying(ArmadaUnavailableException.class,
                e -> assertThat(e.statusCode()).contains(Status.Code.UNAUTHENTICATED));
      }
    }
  }

  @Test
  void plaintextClientFails() {
    try (ArmadaClient client = connect("armada", options(TOKEN, null))) {
      assertThatThrownBy(() -> client.checkHealth(HEALTH_TIMEOUT))
          .isInstanceOfSatisfying(ArmadaUnavailableException.class,
              e -> assertThat(e.statusCode()).contains(Status.Code.UNAVAILABLE));
    }
  }

  @Test
  void clientNotTrustingTheCertificateFails() throws Exception {
    SelfSignedTls other = SelfSignedTls.create(root.resolve("other-tls"));
    try (ArmadaClient client = connect("armada+tls", options(TOKEN, other.certificate()))) {
      assertThatThrownBy(() -> client.checkHealth(HEALTH_TIMEOUT))
          .isInstanceOfSatisfying(ArmadaUnavailableException.class,
              e -> assertThat(e.statusCode()).contains(Status.Code.UNAVAILABLE));
    }
  }

  @Test
  void keyOfAnotherCertificateStopsTheStartNamingBothFiles() throws Exception {
    SelfSignedTls other = SelfSignedTls.create(root.resolve("mismatch-tls"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = LocalArmadaMain.run(new String[] {"--port", "0", "--work-dir", root.resolve("mismatch-work").toString(),
        "--tls-cert", tls.certificate().toString(), "--tls-key", other.privateKey().toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("local-armada: cannot start: --tls-key file "
        + other.privateKey() + " is not the private key of the first certificate in --tls-cert file "
        + tls.certificate() + "\n");
  }

  private static ArmadaClient connect(String scheme, ArmadaClientOptions options) {
    return ArmadaClient.connect(ArmadaEndpoint.parseMaster(scheme + "://127.0.0.1:" + port), options);
  }

  private static ArmadaClientOptions options(String token, Path caCertFile) {
    return ArmadaClientOptions.builder().bearerToken(token).caCertFile(caCertFile).build();
  }
}
