package io.armadaproject.spark.submit.cluster;

import static io.armadaproject.spark.submit.cluster.KeyEffects.env;
import static io.armadaproject.spark.submit.cluster.KeyEffects.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.armadaproject.spark.api.IngressConfig;
import io.armadaproject.spark.k8s.core.v1.Container;
import io.armadaproject.spark.k8s.core.v1.ContainerPort;
import io.armadaproject.spark.submit.cluster.KeyEffects.Row;
import io.armadaproject.spark.submit.cluster.KeyEffects.Submitted;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The effect of every driver ingress and OAuth key on the driver job (see {@link KeyEffectTest}). */
class DriverUiKeyEffectTest {
  private static final Map<String, String> INGRESS = Map.of("spark.armada.driver.ingress.enabled", "true");
  private static final Map<String, String> OAUTH = Map.of(
      "spark.armada.oauth.enabled", "true",
      "spark.armada.oauth.clientId", "spark-ui",
      "spark.armada.oauth.clientSecretK8s", "spark-ui-oauth",
      "spark.armada.oauth.issuerUrl", "https://idp.example/realms/data");
  private static final Map<String, String> NO_DISCOVERY = Map.of(
      "spark.armada.oauth.enabled", "true",
      "spark.armada.oauth.clientId", "spark-ui",
      "spark.armada.oauth.clientSecretK8s", "spark-ui-oauth",
      "spark.armada.oauth.skipProviderDiscovery", "true",
      "spark.armada.oauth.loginUrl", "https://idp.example/auth",
      "spark.armada.oauth.redeemUrl", "https://idp.example/token",
      "spark.armada.oauth.validateUrl", "https://idp.example/userinfo",
      "spark.armada.oauth.jwksUrl", "https://idp.example/certs");

  static Stream<Row> rows() {
    return Stream.concat(ingressRows(), oauthRows());
  }

  static Stream<Row> ingressRows() {
    return Stream.of(
        row("spark.armada.driver.ingress.enabled", "true", s -> {
          IngressConfig ingress = s.driver().getIngress(0);
          assertThat(ingress.getPortsList()).containsExactly(4040);
          assertThat(ports(s.driverContainer())).contains(4040);
          assertThat(s.driver().getServices(0).getPortsList()).containsExactly(7078, 4040);
          assertThat(s.driver().getServices(0).getPorts(0)).as("executors reach the driver on service-0").isEqualTo(7078);
        }),
        row("spark.armada.driver.ingress.port", "4050", s -> {
          assertThat(s.driver().getIngress(0).getPortsList()).containsExactly(4050);
          assertThat(ports(s.driverContainer())).contains(4050);
          assertThat(s.driverContainer().getArgsList()).contains("spark.ui.port=4050");
        }).with(INGRESS),
        row("spark.armada.driver.ingress.tls.enabled", "true",
            s -> assertThat(s.driver().getIngress(0).getTlsEnabled()).isTrue()).with(INGRESS),
        row("spark.armada.driver.ingress.annotations", "nginx.ingress.kubernetes.io/rewrite-target=/",
            s -> assertThat(s.driver().getIngress(0).getAnnotationsMap())
                .containsEntry("nginx.ingress.kubernetes.io/rewrite-target", "/")).with(INGRESS),
        row("spark.armada.driver.ingress.certName", "spark-ui-tls",
            s -> assertThat(s.driver().getIngress(0).getCertName()).isEqualTo("spark-ui-tls")).with(INGRESS));
  }

  static Stream<Row> oauthRows() {
    return Stream.of(
        row("spark.armada.oauth.enabled", "true", s -> {
          Container proxy = proxy(s);
          assertThat(proxy.getRestartPolicy()).isEqualTo("Always");
          assertThat(ports(proxy)).containsExactly(4180);
          assertThat(proxy.getArgsList()).containsSequence("--upstream", "http://127.0.0.1:4040");
          assertThat(proxy.getLivenessProbe().getHandler().getHttpGet().getPath()).isEqualTo("/ping");
          assertThat(s.driver().getServices(0).getPortsList()).containsExactly(7078, 4180);
          assertThat(env(proxy, OAuthProxySidecar.COOKIE_SECRET_ENV)).hasSize(32);
        }).with(OAUTH),
        args("spark.armada.oauth.clientId", "ui-client", "--client-id", "ui-client"),
        row("spark.armada.oauth.clientSecret", "very-secret", s -> {
          assertThat(env(proxy(s), OAuthProxySidecar.CLIENT_SECRET_ENV)).isEqualTo("very-secret");
          assertThat(String.join(" ", proxy(s).getArgsList())).doesNotContain("very-secret");
          assertThat(String.join(" ", s.driverContainer().getArgsList())).doesNotContain("very-secret");
          assertThat(s.output).doesNotContain("very-secret");
        }).with(without(OAUTH, "spark.armada.oauth.clientSecretK8s")),
        row("spark.armada.oauth.clientSecretK8s", "ui-secret", s -> {
          var ref = secretRef(s);
          assertThat(ref.getLocalObjectReference().getName()).isEqualTo("ui-secret");
          assertThat(ref.getKey()).isEqualTo("client-secret");
        }).with(OAUTH),
        row("spark.armada.oauth.clientSecretKey", "secret", s -> assertThat(secretRef(s).getKey()).isEqualTo("secret"))
            .with(OAUTH),
        args("spark.armada.oauth.issuerUrl", "https://idp.example/realms/x", "--oidc-issuer-url",
            "https://idp.example/realms/x"),
        args("spark.armada.oauth.redirectUrl", "https://ui.example/oauth2/callback", "--redirect-url",
            "https://ui.example/oauth2/callback"),
        row("spark.armada.oauth.proxy.image", "oauth2-proxy:test",
            s -> assertThat(proxy(s).getImage()).isEqualTo("oauth2-proxy:test")).with(OAUTH),
        row("spark.armada.oauth.proxy.port", "4190", s -> {
          assertThat(ports(proxy(s))).containsExactly(4190);
          assertThat(proxy(s).getArgsList()).containsSequence("--http-address", "0.0.0.0:4190");
          assertThat(s.driver().getIngress(0).getPortsList()).containsExactly(4190);
        }).with(OAUTH).with(INGRESS),
        args("spark.armada.oauth.providerDisplayName", "Data SSO", "--provider-display-name", "Data SSO"),
        args("spark.armada.oauth.skipProviderDiscovery", "true", "--skip-oidc-discovery=true").with(NO_DISCOVERY),
        args("spark.armada.oauth.loginUrl", "https://idp.example/login", "--login-url", "https://idp.example/login")
            .with(NO_DISCOVERY),
        args("spark.armada.oauth.redeemUrl", "https://idp.example/redeem", "--redeem-url", "https://idp.example/redeem")
            .with(NO_DISCOVERY),
        args("spark.armada.oauth.validateUrl", "https://idp.example/v", "--validate-url", "https://idp.example/v")
            .with(NO_DISCOVERY),
        args("spark.armada.oauth.jwksUrl", "https://idp.example/jwks", "--oidc-jwks-url", "https://idp.example/jwks")
            .with(NO_DISCOVERY),
        args("spark.armada.oauth.extraAudiences", "a1, a2", "--oidc-extra-audience", "a1", "--oidc-extra-audience", "a2"),
        args("spark.armada.oauth.emailDomain", "example.com", "--email-domain", "example.com"),
        args("spark.armada.oauth.skipJwtBearerTokens", "true", "--skip-jwt-bearer-tokens"),
        args("spark.armada.oauth.skipProviderButton", "true", "--skip-provider-button=true"),
        args("spark.armada.oauth.skipAuthPreflight", "true", "--skip-auth-preflight=true"),
        args("spark.armada.oauth.passHostHeader", "true", "--pass-host-header=true"),
        args("spark.armada.oauth.whitelistDomain", ".example.com", "--whitelist-domain", ".example.com"),
        args("spark.armada.oauth.cookieName", "_spark", "--cookie-name", "_spark"),
        args("spark.armada.oauth.cookiePath", "/ui", "--cookie-path", "/ui"),
        args("spark.armada.oauth.cookieSecure", "true", "--cookie-secure=true"),
        args("spark.armada.oauth.cookieSamesite", "strict", "--cookie-samesite", "strict"),
        args("spark.armada.oauth.cookieCsrfPerRequest", "true", "--cookie-csrf-per-request=true"),
        args("spark.armada.oauth.cookieCsrfExpire", "15m", "--cookie-csrf-expire", "15m"),
        row("spark.armada.oauth.tls.caCertPath", "/etc/oauth/ca.crt", s -> {
          assertThat(proxy(s).getArgsList()).containsSequence("--provider-ca-file", "/etc/oauth/ca.crt");
          assertThat(proxy(s).getVolumeMounts(0).getName()).isEqualTo("ca-certificates");
          assertThat(proxy(s).getVolumeMounts(0).getReadOnly()).isTrue();
        }).with(OAUTH),
        row("spark.armada.oauth.tls.caCertSubPath", "ca.crt",
            s -> assertThat(proxy(s).getVolumeMounts(0).getSubPath()).isEqualTo("ca.crt"))
            .with(OAUTH).with(Map.of("spark.armada.oauth.tls.caCertPath", "/etc/oauth/ca.crt")),
        row("spark.armada.oauth.tls.caBundlePath", "/etc/ssl/certs/bundle.crt", s -> {
          assertThat(proxy(s).getVolumeMounts(0).getName()).isEqualTo("ca-bundle");
          assertThat(proxy(s).getVolumeMounts(0).getMountPath()).isEqualTo("/etc/ssl/certs/bundle.crt");
        }).with(OAUTH),
        row("spark.armada.oauth.tls.caBundleSubPath", "bundle.crt",
            s -> assertThat(proxy(s).getVolumeMounts(0).getSubPath()).isEqualTo("bundle.crt"))
            .with(OAUTH).with(Map.of("spark.armada.oauth.tls.caBundlePath", "/etc/ssl/certs/bundle.crt")),
        args("spark.armada.oauth.skipVerify", "true", "--ssl-insecure-skip-verify"),
        args("spark.armada.oauth.sslUpstreamInsecureSkipVerify", "true", "--ssl-upstream-insecure-skip-verify"),
        args("spark.armada.oauth.insecureSkipIssuerVerification", "true", "--insecure-oidc-skip-issuer-verification=true"),
        args("spark.armada.oauth.insecureAllowUnverifiedEmail", "true", "--insecure-oidc-allow-unverified-email=true"),
        args("spark.armada.oauth.codeChallengeMethod", "plain", "--code-challenge-method", "plain"),
        row("spark.armada.oauth.resources.cpu", "200m", s -> {
          assertThat(proxy(s).getResources().getRequestsMap().get("cpu").getString()).isEqualTo("200m");
          assertThat(proxy(s).getResources().getLimitsMap().get("cpu").getString()).isEqualTo("200m");
        }).with(OAUTH),
        row("spark.armada.oauth.resources.memory", "64Mi",
            s -> assertThat(proxy(s).getResources().getLimitsMap().get("memory").getString()).isEqualTo("64Mi"))
            .with(OAUTH));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void eachKeyChangesTheDriverJob(Row row) throws Exception {
    Submitted s = KeyEffects.submit(row);
    assertThat(s.exit).as(s.output).isZero();
    row.effect.accept(s);
  }

  /** A key whose effect is the sidecar's arguments (OAuth on). */
  private static Row args(String key, String value, String... expected) {
    return row(key, value, s -> assertThat(proxy(s).getArgsList()).containsSequence(expected)).with(OAUTH);
  }

  private static Container proxy(Submitted s) {
    return s.driver().getPodSpec().getInitContainersList().stream().filter(c -> c.getName().equals("oauth"))
        .findFirst().orElseThrow(() -> new AssertionError("no oauth sidecar in " + s.driver().getPodSpec()));
  }

  private static io.armadaproject.spark.k8s.core.v1.SecretKeySelector secretRef(Submitted s) {
    return proxy(s).getEnvList().stream().filter(e -> e.getName().equals(OAuthProxySidecar.CLIENT_SECRET_ENV))
        .findFirst().orElseThrow().getValueFrom().getSecretKeyRef();
  }

  private static List<Integer> ports(Container c) {
    return c.getPortsList().stream().map(ContainerPort::getContainerPort).collect(Collectors.toList());
  }

  private static Map<String, String> without(Map<String, String> settings, String key) {
    return settings.entrySet().stream().filter(e -> !e.getKey().equals(key))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }
}
