package io.armadaproject.spark.submit.cluster;

import static io.armadaproject.spark.core.config.DriverUiConfigKeys.INGRESS_ANNOTATIONS;
import static io.armadaproject.spark.core.config.DriverUiConfigKeys.INGRESS_CERT_NAME;
import static io.armadaproject.spark.core.config.DriverUiConfigKeys.INGRESS_ENABLED;
import static io.armadaproject.spark.core.config.DriverUiConfigKeys.INGRESS_PORT;
import static io.armadaproject.spark.core.config.DriverUiConfigKeys.INGRESS_TLS_ENABLED;
import static io.armadaproject.spark.core.config.DriverUiConfigKeys.OAUTH_ENABLED;
import static io.armadaproject.spark.core.config.DriverUiConfigKeys.OAUTH_PROXY_PORT;

import io.armadaproject.spark.core.config.ArmadaConf;
import io.armadaproject.spark.core.config.ConfigException;
import io.armadaproject.spark.core.config.ConfigKey;
import io.armadaproject.spark.core.config.DriverUiConfigKeys;
import io.armadaproject.spark.submit.SparkSettings;
import java.util.Optional;
import java.util.function.Consumer;

/** Checks the ingress and OAuth keys and resolves how the driver's UI is served. */
final class DriverUiResolver {
  private static final int DEFAULT_SPARK_UI_PORT = 4040;
  private final ArmadaConf armada;
  private final Consumer<String> warn;

  DriverUiResolver(ArmadaConf armada, Consumer<String> warn) {
    this.armada = armada;
    this.warn = warn;
  }

  DriverUi resolve(SparkSettings spark) {
    boolean ingress = armada.bool(INGRESS_ENABLED);
    boolean oauthOn = armada.bool(OAUTH_ENABLED);
    warnIfUnused(ingress, "spark.armada.driver.ingress.", INGRESS_ENABLED);
    warnIfUnused(oauthOn, "spark.armada.oauth.", OAUTH_ENABLED);
    int proxyPort = Integer.parseInt(armada.require(OAUTH_PROXY_PORT, "set " + OAUTH_PROXY_PORT.name()));
    Optional<Integer> sparkUiPort = spark.uiPort();
    int uiPort = sparkUiPort.orElse(DEFAULT_SPARK_UI_PORT);
    boolean forward = false;
    Optional<Integer> ingressPort = armada.get(INGRESS_PORT).map(Integer::parseInt);
    if (ingress && ingressPort.isPresent()) {
      int port = ingressPort.get();
      if (oauthOn && port != proxyPort) {
        throw new ConfigException(INGRESS_PORT.name(), Integer.toString(port),
            "would expose a port other than the OAuth2-proxy's (" + proxyPort + ") and so bypass the login",
            "leave it unset or equal to " + OAUTH_PROXY_PORT.name());
      }
      if (!oauthOn && sparkUiPort.isPresent() && port != sparkUiPort.get()) {
        throw new ConfigException(INGRESS_PORT.name(), Integer.toString(port),
            "differs from spark.ui.port=" + sparkUiPort.get() + ", where the Spark UI listens",
            "leave it unset, or set only one of the two");
      }
      if (!oauthOn && !sparkUiPort.isPresent()) {
        uiPort = port; // the Spark UI moves to the ingress port
        forward = true;
      }
    }
    if (oauthOn && proxyPort == uiPort) {
      throw new ConfigException(OAUTH_PROXY_PORT.name(), Integer.toString(proxyPort),
          "is also the Spark UI's port (spark.ui.port)", "use another port, e.g. the default 4180");
    }
    Optional<OAuthProxySidecar> oauth =
        oauthOn ? Optional.of(new OAuthProxyResolver(armada).resolve(proxyPort, uiPort)) : Optional.empty();
    return new DriverUi(uiPort, forward, ingress, armada.bool(INGRESS_TLS_ENABLED), armada.get(INGRESS_CERT_NAME),
        AnnotationInput.checked(armada, INGRESS_ANNOTATIONS), oauth);
  }

  private void warnIfUnused(boolean enabled, String prefix, ConfigKey switchKey) {
    if (enabled) {
      return;
    }
    for (ConfigKey key : DriverUiConfigKeys.all()) {
      if (key != switchKey && key.name().startsWith(prefix) && armada.isSet(key)) {
        warn.accept(key.name() + " is ignored because " + switchKey.name() + " is not true");
      }
    }
  }
}
