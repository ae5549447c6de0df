package io.armadaproject.spark.submit.auth;

import io.armadaproject.spark.core.client.ArmadaClientOptions;
import io.armadaproject.spark.core.config.ArmadaConf;
import io.armadaproject.spark.core.config.ArmadaConfigKeys;
import io.armadaproject.spark.core.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Optional;

/**
 * How armada-spark authenticates to Armada: a bearer token from {@code spark.armada.auth.token} or
 * printed by {@code spark.armada.auth.script.path}, and for {@code armada+tls://} masters an
 * optional CA file. Inside the driver job the token arrives in {@link #DRIVER_TOKEN_ENV}.
 */
public final class ArmadaCredentials {
  /** Env var of the driver container that carries the token (never a command-line argument). */
  public static final String DRIVER_TOKEN_ENV = "ARMADA_AUTH_TOKEN";

  private final Optional<String> token;
  private final Optional<Path> caCert;

  private ArmadaCredentials(Optional<String> token, Optional<Path> caCert) {
    this.token = token;
    this.caCert = caCert;
  }

  /** At submission: the token key, else the token script; the CA file must exist. */
  public static ArmadaCredentials forSubmission(ArmadaConf conf) {
    Optional<String> token = conf.get(ArmadaConfigKeys.AUTH_TOKEN);
    if (token.isEmpty()) {
      token = conf.get(ArmadaConfigKeys.AUTH_SCRIPT_PATH).map(TokenScript::run);
    }
    return new ArmadaCredentials(token, caCert(conf));
  }

  /** Inside the driver job: the token the submission handed over, else the same keys. */
  public static ArmadaCredentials forDriver(ArmadaConf conf, Map<String, String> env) {
    String handedOver = env.get(DRIVER_TOKEN_ENV);
    if (handedOver != null && !handedOver.isEmpty()) {
      return new ArmadaCredentials(Optional.of(handedOver), caCert(conf));
    }
    return forSubmission(conf);
  }

  public Optional<String> token() {
    return token;
  }

  public ArmadaClientOptions clientOptions() {
    ArmadaClientOptions.Builder b = ArmadaClientOptions.builder();
    token.ifPresent(b::bearerToken);
    caCert.ifPresent(b::caCertFile);
    return b.build();
  }

  private static Optional<Path> caCert(ArmadaConf conf) {
    Optional<String> path = conf.get(ArmadaConfigKeys.TLS_CA_CERT_PATH);
    if (path.isPresent() && !Files.isReadable(Paths.get(path.get()))) {
      throw new ConfigException(ArmadaConfigKeys.TLS_CA_CERT_PATH.name(), path.get(),
          "is not a readable file", "point it at the PEM file of the CA that signed Armada's certificate");
    }
    return path.map(Paths::get);
  }

  @Override
  public String toString() {
    return "ArmadaCredentials{token=" + (token.isPresent() ? "<redacted>" : "none") + ", caCert=" + caCert.orElse(null) + "}";
  }
}
