package io.armadaproject.spark.submit.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.armadaproject.spark.core.config.ArmadaConf;
import io.armadaproject.spark.core.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArmadaCredentialsTest {
  @TempDir Path tmp;

  private int scripts;

  private Path script(String body, boolean executable) throws Exception {
    Path p = tmp.resolve("token-" + (scripts++) + ".sh");
    Files.writeString(p, "#!/bin/sh\n" + body + "\n");
    if (executable) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
    }
    return p;
  }

  private static ArmadaCredentials submission(String key, String value) {
    return ArmadaCredentials.forSubmission(ArmadaConf.from(Map.of(key, value)));
  }

  @Test
  void tokenKeyWinsAndIsNeverPrinted() {
    ArmadaCredentials c = submission("spark.armada.auth.token", "s3cret");
    assertThat(c.token()).contains("s3cret");
    assertThat(c.clientOptions().hasToken()).isTrue();
    assertThat(c.toString()).doesNotContain("s3cret");
  }

  @Test
  void scriptPrintsTheToken() throws Exception {
    Path s = script("echo '  from-script  '", true);
    assertThat(submission("spark.armada.auth.script.path", s.toString()).token()).contains("from-script");
  }

  @Test
  void failingScriptIsABadInputNamingTheKey() throws Exception {
    Path s = script("echo boom >&2; exit 3", true);
    assertThatThrownBy(() -> submission("spark.armada.auth.script.path", s.toString()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("spark.armada.auth.script.path")
        .hasMessageContaining("exited with code 3")
        .hasMessageContaining("boom");
  }

  @Test
  void silentScriptMissingScriptAndNonExecutableScriptAreRejected() throws Exception {
    Path silent = script("true", true);
    assertThatThrownBy(() -> submission("spark.armada.auth.script.path", silent.toString()))
        .hasMessageContaining("printed no token");
    assertThatThrownBy(() -> submission("spark.armada.auth.script.path", tmp.resolve("nope").toString()))
        .hasMessageContaining("does not exist");
    Path plain = script("echo t", false);
    assertThatThrownBy(() -> submission("spark.armada.auth.script.path", plain.toString()))
        .hasMessageContaining("is not executable").hasMessageContaining("chmod +x");
  }

  @Test
  void driverUsesTheTokenHandedOverInItsEnv() {
    ArmadaCredentials c = ArmadaCredentials.forDriver(ArmadaConf.from(Map.of()), Map.of("ARMADA_AUTH_TOKEN", "handed"));
    assertThat(c.token()).contains("handed");
  }

  @Test
  void unreadableCaFileIsRejected() {
    assertThatThrownBy(() -> submission("spark.armada.tls.caCertPath", tmp.resolve("ca.pem").toString()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("spark.armada.tls.caCertPath");
  }
}
