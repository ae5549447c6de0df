package io.armadaproject.spark.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS with a custom CA file: a self-signed certificate made by the JDK's keytool for 127.0.0.1. */
class ArmadaClientTlsTest {
  private static final char[] PASSWORD = "changeit".toCharArray();

  @TempDir static Path dir;
  private static Path caPem;
  private static FakeArmada armada;

  @BeforeAll
  static void start() throws Exception {
    Path keystore = dir.resolve("server.p12");
    caPem = dir.resolve("ca.pem");
    keytool("-genkeypair", "-alias", "armada", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
        "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", new String(PASSWORD));
    keytool("-exportcert", "-rfc", "-alias", "armada", "-keystore", keystore.toString(),
        "-storepass", new String(PASSWORD), "-file", caPem.toString());

    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      ks.load(in, PASSWORD);
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, PASSWORD);
    ServerCredentials tls = TlsServerCredentials.newBuilder().keyManager(kmf.getKeyManagers()).build();
    armada = new FakeArmada(tls);
  }

  @AfterAll
  static void stop() {
    if (armada != null) {
      armada.close();
    }
  }

  private static void keytool(String... args) throws Exception {
    Path keytool = Paths.get(System.getProperty("java.home"), "bin", "keytool");
    List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("keytool output: %s", output).isZero();
  }

  private static ArmadaEndpoint tlsEndpoint() {
    return ArmadaEndpoint.parseMaster("armada+tls://127.0.0.1:" + armada.port());
  }

  @Test
  void talksTlsWithTheGivenCaAndSendsTheToken() {
    ArmadaClientOptions options = ArmadaClientOptions.builder().caCertFile(caPem).bearerToken("tls-token").build();
    try (ArmadaClient client = ArmadaClient.connect(tlsEndpoint(), options)) {
      client.checkHealth(Duration.ofSeconds(10));
      assertThat(client.submitJobs("q", "s", List.of(io.armadaproject.spark.api.JobSubmitRequestItem.getDefaultInstance())))
          .hasSize(1);
    }
    assertThat(armada.authorizationHeaders).contains("Bearer tls-token");
  }

  @Test
  void untrustedCertificateFailsTheHealthCheck() {
    try (ArmadaClient client = ArmadaClient.connect(tlsEndpoint(), ArmadaClientOptions.defaults())) {
      ArmadaUnavailableException e = catchThrowableOfType(
          ArmadaUnavailableException.class, () -> client.checkHealth(Duration.ofSeconds(10)));
      assertThat(e.getMessage()).contains(tlsEndpoint().toString(), "UNAVAILABLE");
    }
  }

  @Test
  void plaintextClientCannotTalkToTheTlsServer() {
    ArmadaEndpoint plain = ArmadaEndpoint.of("127.0.0.1", armada.port(), false);
    try (ArmadaClient client = ArmadaClient.connect(plain, ArmadaClientOptions.defaults())) {
      assertThatThrownBy(() -> client.checkHealth(Duration.ofSeconds(3)))
          .isInstanceOf(ArmadaUnavailableException.class);
    }
  }

  @Test
  void unreadableOrBogusCaFileIsNamedAtConnect() throws Exception {
    Path missing = dir.resolve("missing.pem");
    assertThatThrownBy(() -> ArmadaClient.connect(tlsEndpoint(),
            ArmadaClientOptions.builder().caCertFile(missing).build()))
        .isInstanceOf(ArmadaClientException.class)
        .hasMessageContaining(missing.toString());
    Path bogus = Files.writeString(dir.resolve("bogus.pem"), "not a certificate");
    assertThatThrownBy(() -> ArmadaClient.connect(tlsEndpoint(),
            ArmadaClientOptions.builder().caCertFile(bogus).build()))
        .isInstanceOf(ArmadaClientException.class)
        .hasMessageContaining(bogus.toString());
  }
}
