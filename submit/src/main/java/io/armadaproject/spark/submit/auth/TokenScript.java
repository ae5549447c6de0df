package io.armadaproject.spark.submit.auth;

import io.armadaproject.spark.core.config.ArmadaConfigKeys;
import io.armadaproject.spark.core.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

/** Runs {@code spark.armada.auth.script.path} and takes its trimmed stdout as the bearer token. */
final class TokenScript {
  static final long TIMEOUT_SECONDS = 30;
  private static final String KEY = ArmadaConfigKeys.AUTH_SCRIPT_PATH.name();

  private TokenScript() {}

  static String run(String script) {
    Path path = Paths.get(script);
    if (!Files.isRegularFile(path)) {
      throw new ConfigException(KEY, script, "does not exist", "point it at an executable that prints the token");
    }
    if (!Files.isExecutable(path)) {
      throw new ConfigException(KEY, script, "is not executable", "run chmod +x " + script);
    }
    try {
      Path stderr = Files.createTempFile("armada-token-script", ".err");
      try {
        Process p = new ProcessBuilder(path.toAbsolutePath().toString()).redirectError(stderr.toFile()).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new ConfigException(KEY, script, "did not finish within " + TIMEOUT_SECONDS + " s",
              "make the script print the token and exit");
        }
        if (p.exitValue() != 0) {
          String err = Files.readString(stderr, StandardCharsets.UTF_8).trim();
          throw new ConfigException(KEY, script, "exited with code " + p.exitValue()
              + (err.isEmpty() ? "" : " (" + firstLine(err) + ")"), "fix the script so that it prints a token and exits 0");
        }
        String token = new String(out, StandardCharsets.UTF_8).trim();
        if (token.isEmpty()) {
          throw new ConfigException(KEY, script, "printed no token", "make the script print the token on stdout");
        }
        return token;
      } finally {
        Files.deleteIfExists(stderr);
      }
    } catch (IOException e) {
      throw new ConfigException(KEY, script, "could not be run: " + e.getMessage(), "check the script");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConfigException(KEY, script, "was interrupted", "run the submission again");
    }
  }

  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }
}
