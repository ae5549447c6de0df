package io.armadaproject.spark.submit.cluster;

import java.util.Map;
import java.util.Optional;

/**
 * How the driver's web UI is served and reached: the port Spark serves it on, an optional Armada
 * ingress, and an optional OAuth2-proxy in front of it. Built and checked by {@link DriverUiResolver}.
 */
final class DriverUi {
  /** The port Spark's UI listens on inside the driver pod. */
  final int sparkUiPort;
  /** True when the driver's settings must carry spark.ui.port (it was derived from the ingress port). */
  final boolean forwardUiPort;
  final boolean ingress;
  final boolean ingressTls;
  final Optional<String> ingressCertName;
  final Map<String, String> ingressAnnotations;
  final Optional<OAuthProxySidecar> oauth;

  DriverUi(int sparkUiPort, boolean forwardUiPort, boolean ingress, boolean ingressTls,
      Optional<String> ingressCertName, Map<String, String> ingressAnnotations, Optional<OAuthProxySidecar> oauth) {
    this.sparkUiPort = sparkUiPort;
    this.forwardUiPort = forwardUiPort;
    this.ingress = ingress;
    this.ingressTls = ingressTls;
    this.ingressCertName = ingressCertName;
    this.ingressAnnotations = Map.copyOf(ingressAnnotations);
    this.oauth = oauth;
  }

  /** The port users reach the UI on: the proxy's when OAuth is on, else Spark's. */
  int exposedPort() {
    return oauth.map(o -> o.port).orElse(sparkUiPort);
  }

  /** True when the driver container itself declares the UI port (ingress without OAuth). */
  boolean driverDeclaresUiPort() {
    return ingress && !oauth.isPresent();
  }
}
