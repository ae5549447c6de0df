package io.armadaproject.spark.localarmada;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalArmadaOptionsTest {

  @Test
  void defaults() throws Exception {
    LocalArmadaOptions options = LocalArmadaOptions.parse();
    assertThat(options.port()).isEqualTo(50051);
    assertThat(options.bind()).isEqualTo("127.0.0.1");
    assertThat(options.workDir()).isEqualTo(Path.of("local-armada-work"));
    assertThat(options.queues()).containsExactly("default");
    assertThat(options.cpuMillis()).isEqualTo(32_000);
    assertThat(options.memoryBytes()).isEqualTo(64L << 30);
    assertThat(options.token()).isNull();
    assertThat(options.portFile()).isNull();
    assertThat(options.images()).isEmpty();
    assertThat(options.tlsCert()).isNull();
    assertThat(options.tlsKey()).isNull();
    assertThat(options.tls()).isFalse();
  }

  @Test
  void everyFlag() throws Exception {
    LocalArmadaOptions options = LocalArmadaOptions.parse("--port", "0", "--port-file=/tmp/p", "--bind", "0.0.0.0",
        "--work-dir", "/tmp/w", "--image", "armada-spark=/images/spark", "--image=busybox:1.36=/images/bb",
        "--queue", "a", "--queue", "b", "--cores", "1500m", "--memory", "2Gi", "--token", "t",
        "--tls-cert", "/tls/cert.pem", "--tls-key=/tls/key.pem");
    assertThat(options.port()).isZero();
    assertThat(options.portFile()).isEqualTo(Path.of("/tmp/p"));
    assertThat(options.bind()).isEqualTo("0.0.0.0");
    assertThat(options.workDir()).isEqualTo(Path.of("/tmp/w"));
    assertThat(options.images()).containsExactly(
        new LocalArmadaOptions.ImageMapping("armada-spark", Path.of("/images/spark")),
        new LocalArmadaOptions.ImageMapping("busybox:1.36", Path.of("/images/bb")));
    assertThat(options.queues()).isEqualTo(List.of("a", "b"));
    assertThat(options.cpuMillis()).isEqualTo(1500);
    assertThat(options.memoryBytes()).isEqualTo(2L << 30);
    assertThat(options.token()).isEqualTo("t");
    assertThat(options.tlsCert()).isEqualTo(Path.of("/tls/cert.pem"));
    assertThat(options.tlsKey()).isEqualTo(Path.of("/tls/key.pem"));
    assertThat(options.tls()).isTrue();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "--port | 70000 | --port must be a number from 0 to 65535, got \"70000\"",
      "--port | x | --port must be a number from 0 to 65535, got \"x\"",
      "--cores | lots | --cores must be a positive Kubernetes quantity (e.g. 8 or 500m), got \"lots\"",
      "--memory | 0 | --memory must be a positive Kubernetes quantity (e.g. 16Gi), got \"0\"",
      "--image | spark | --image must be NAME=DIR, got \"spark\"",
      "--colour | red | unknown option --colour"})
  void badFlagsAreExplained(String flag, String value, String message) {
    assertThatThrownBy(() -> LocalArmadaOptions.parse(flag, value))
        .isInstanceOf(LocalArmadaOptions.UsageException.class).hasMessage(message);
  }

  @Test
  void missingValuesAndStrayArguments() {
    assertThatThrownBy(() -> LocalArmadaOptions.parse("--port")).hasMessage("option --port needs a value");
    assertThatThrownBy(() -> LocalArmadaOptions.parse("serve")).hasMessage("unexpected argument \"serve\"");
  }

  @Test
  void helpExitsZeroAndBadFlagsExitTwo() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(LocalArmadaMain.run(new String[] {"--help"}, print(out), print(err))).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(LocalArmadaOptions.USAGE);
    for (String flag : List.of("--port", "--port-file", "--bind", "--work-dir", "--image", "--queue", "--cores",
        "--memory", "--token", "--tls-cert", "--help")) {
      assertThat(LocalArmadaOptions.USAGE).contains(flag);
    }
    assertThat(LocalArmadaMain.run(new String[] {"--bogus", "1"}, print(out), print(err))).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("local-armada: unknown option --bogus")
        .contains("usage: local-armada");
  }

  @Test
  void aServerThatCannotStartExitsOne(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = LocalArmadaMain.run(new String[] {"--work-dir", dir.resolve("work").toString(), "--port", "0",
        "--image", "spark=" + dir.resolve("missing")}, print(out), print(err));
    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("local-armada: cannot start: local image directory " + dir.resolve("missing") + " has no image.properties");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void tlsCertAndKeyComeTogether() throws Exception {
    for (String flag : List.of("--tls-cert", "--tls-key")) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      assertThat(LocalArmadaMain.run(new String[] {"--port", "0", flag, "/tls/file.pem"}, print(out), print(err)))
          .isEqualTo(2);
      assertThat(err.toString(StandardCharsets.UTF_8))
          .startsWith("local-armada: --tls-cert and --tls-key must be given together (got only " + flag + ")\n")
          .contains("usage: local-armada");
      assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
    assertThatThrownBy(() -> LocalArmadaOptions.parse("--tls-cert", "")).hasMessage("--tls-cert must not be empty");
  }

  @Test
  void unreadableTlsFilesExitOneNamingTheFile(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("missing.pem");
    Path junk = dir.resolve("junk.pem");
    Files.writeString(junk, "not a certificate\n");
    assertThat(cannotStart(dir, missing, junk))
        .isEqualTo("local-armada: cannot start: cannot read --tls-cert file " + missing + ": no such file\n");
    assertThat(cannotStart(dir, junk, missing))
        .isEqualTo("local-armada: cannot start: cannot read --tls-key file " + missing + ": no such file\n");
    assertThat(cannotStart(dir, dir, junk))
        .isEqualTo("local-armada: cannot start: cannot read --tls-cert file " + dir + ": is a directory\n");
    assertThat(cannotStart(dir, junk, junk)).isEqualTo("local-armada: cannot start: "
        + "--tls-cert file " + junk + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)\n");
    assertThat(dir.resolve("work")).as("nothing starts before the TLS files are checked").doesNotExist();
  }

  /** Runs local-armada with TLS files that cannot be used; returns stderr after checking the exit code. */
  private static String cannotStart(Path dir, Path cert, Path key) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = LocalArmadaMain.run(new String[] {"--work-dir", dir.resolve("work").toString(), "--port", "0",
        "--tls-cert", cert.toString(), "--tls-key", key.toString()}, print(out), print(err));
    assertThat(code).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    return err.toString(StandardCharsets.UTF_8);
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }
}
