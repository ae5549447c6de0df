package io.armadaproject.spark.core.config;

import static io.armadaproject.spark.core.config.ArmadaConfigKeys.PREFIX;
import static io.armadaproject.spark.core.config.ConfigType.BOOLEAN;
import static io.armadaproject.spark.core.config.ConfigType.HTTP_URL;
import static io.armadaproject.spark.core.config.ConfigType.KEY_VALUE_LIST;
import static io.armadaproject.spark.core.config.ConfigType.PORT;
import static io.armadaproject.spark.core.config.ConfigType.QUANTITY;
import static io.armadaproject.spark.core.config.ConfigType.STRING;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Keys for reaching the driver's web UI: an Armada ingress and the OAuth2-proxy sidecar. */
public final class DriverUiConfigKeys {
  private static final String INGRESS = PREFIX + "driver.ingress.";
  private static final String OAUTH = PREFIX + "oauth.";

  public static final ConfigKey INGRESS_ENABLED = ConfigKey.of(INGRESS + "enabled", BOOLEAN, "false",
      "Expose the driver's UI through an Armada ingress (Kubernetes Ingress) on the driver job.");
  public static final ConfigKey INGRESS_PORT = ConfigKey.of(INGRESS + "port", PORT, null,
      "Container port the ingress exposes. Defaults to spark.armada.oauth.proxy.port when OAuth is on, else "
          + "spark.ui.port (4040). A container of the driver pod must declare it.");
  public static final ConfigKey INGRESS_TLS_ENABLED = ConfigKey.of(INGRESS + "tls.enabled", BOOLEAN, "false",
      "Add a TLS section to the driver's ingress.");
  public static final ConfigKey INGRESS_ANNOTATIONS = ConfigKey.of(INGRESS + "annotations", KEY_VALUE_LIST, null,
      "Annotations (key=value,...) of the driver's ingress, e.g. nginx.ingress.kubernetes.io/rewrite-target=/.");
  public static final ConfigKey INGRESS_CERT_NAME = ConfigKey.of(INGRESS + "certName", STRING, null,
      "Name of the TLS secret of the driver's ingress (with tls.enabled); Armada's default when unset.");

  public static final ConfigKey OAUTH_ENABLED = ConfigKey.of(OAUTH + "enabled", BOOLEAN, "false",
      "Put the driver's UI behind an OAuth2-proxy sidecar (OIDC login).");
  public static final ConfigKey OAUTH_CLIENT_ID = ConfigKey.of(OAUTH + "clientId", STRING, null,
      "OAuth2 client id. Required with OAuth.");
  public static final ConfigKey OAUTH_CLIENT_SECRET = ConfigKey.of(OAUTH + "clientSecret", STRING, null,
      "OAuth2 client secret, handed to the sidecar as an env value (never an argument, never printed). "
          + "Prefer spark.armada.oauth.clientSecretK8s.").secret();
  public static final ConfigKey OAUTH_CLIENT_SECRET_K8S = ConfigKey.of(OAUTH + "clientSecretK8s", STRING, null,
      "Name of a Kubernetes secret holding the client secret; the sidecar reads it through a secret reference.");
  public static final ConfigKey OAUTH_CLIENT_SECRET_KEY = ConfigKey.of(OAUTH + "clientSecretKey", STRING,
      "client-secret", "Key inside the Kubernetes secret named by spark.armada.oauth.clientSecretK8s.");
  public static final ConfigKey OAUTH_ISSUER_URL = ConfigKey.of(OAUTH + "issuerUrl", HTTP_URL, null,
      "OIDC issuer URL. Required unless spark.armada.oauth.skipProviderDiscovery is true.");
  public static final ConfigKey OAUTH_REDIRECT_URL = ConfigKey.of(OAUTH + "redirectUrl", HTTP_URL, null,
      "OAuth redirect (callback) URL, e.g. https://<ingress host>/oauth2/callback.");
  public static final ConfigKey OAUTH_PROXY_IMAGE = ConfigKey.of(OAUTH + "proxy.image", STRING,
      "quay.io/oauth2-proxy/oauth2-proxy:v7.5.1", "Image of the OAuth2-proxy sidecar.");
  public static final ConfigKey OAUTH_PROXY_PORT = ConfigKey.of(OAUTH + "proxy.port", PORT, "4180",
      "Port the OAuth2-proxy listens on (declared as container port \"oauth\").");
  public static final ConfigKey OAUTH_PROVIDER_DISPLAY_NAME = ConfigKey.of(OAUTH + "providerDisplayName", STRING,
      "OAuth Provider", "Provider name shown on the login page.");
  public static final ConfigKey OAUTH_SKIP_PROVIDER_DISCOVERY = ConfigKey.of(OAUTH + "skipProviderDiscovery",
      BOOLEAN, "false", "Skip OIDC discovery; then loginUrl, redeemUrl, validateUrl and jwksUrl are required.");
  public static final ConfigKey OAUTH_LOGIN_URL = ConfigKey.of(OAUTH + "loginUrl", HTTP_URL, null,
      "OIDC authorization endpoint (with skipProviderDiscovery).");
  public static final ConfigKey OAUTH_REDEEM_URL = ConfigKey.of(OAUTH + "redeemUrl", HTTP_URL, null,
      "OIDC token endpoint (with skipProviderDiscovery).");
  public static final ConfigKey OAUTH_VALIDATE_URL = ConfigKey.of(OAUTH + "validateUrl", HTTP_URL, null,
      "OIDC userinfo endpoint (with skipProviderDiscovery).");
  public static final ConfigKey OAUTH_JWKS_URL = ConfigKey.of(OAUTH + "jwksUrl", HTTP_URL, null,
      "OIDC JWKS endpoint (with skipProviderDiscovery).");
  public static final ConfigKey OAUTH_EXTRA_AUDIENCES = ConfigKey.of(OAUTH + "extraAudiences", STRING, null,
      "Comma-separated additional OIDC audiences (one --oidc-extra-audience each).");
  public static final ConfigKey OAUTH_EMAIL_DOMAIN = ConfigKey.of(OAUTH + "emailDomain", STRING, "*",
      "Allowed email domains.");
  public static final ConfigKey OAUTH_SKIP_JWT_BEARER_TOKENS = ConfigKey.of(OAUTH + "skipJwtBearerTokens", BOOLEAN,
      "false", "Let requests with a verified JWT bearer token skip the login.");
  public static final ConfigKey OAUTH_SKIP_PROVIDER_BUTTON = ConfigKey.of(OAUTH + "skipProviderButton", BOOLEAN,
      "false", "Go straight to the provider instead of showing the sign-in button.");
  public static final ConfigKey OAUTH_SKIP_AUTH_PREFLIGHT = ConfigKey.of(OAUTH + "skipAuthPreflight", BOOLEAN,
      "false", "Do not authenticate OPTIONS (preflight) requests.");
  public static final ConfigKey OAUTH_PASS_HOST_HEADER = ConfigKey.of(OAUTH + "passHostHeader", BOOLEAN, "false",
      "Pass the Host header to the Spark UI.");
  public static final ConfigKey OAUTH_WHITELIST_DOMAIN = ConfigKey.of(OAUTH + "whitelistDomain", STRING, null,
      "Domain allowed as redirect target after login.");
  public static final ConfigKey OAUTH_COOKIE_NAME = ConfigKey.of(OAUTH + "cookieName", STRING, "_oauth2_proxy",
      "Name of the session cookie.");
  public static final ConfigKey OAUTH_COOKIE_PATH = ConfigKey.of(OAUTH + "cookiePath", STRING, "/", "Cookie path.");
  public static final ConfigKey OAUTH_COOKIE_SECURE = ConfigKey.of(OAUTH + "cookieSecure", BOOLEAN, "false",
      "Send the cookie over HTTPS only.");
  public static final ConfigKey OAUTH_COOKIE_SAMESITE = ConfigKey.of(OAUTH + "cookieSamesite", STRING, null,
      "SameSite attribute of the cookie: lax, strict or none.");
  public static final ConfigKey OAUTH_COOKIE_CSRF_PER_REQUEST = ConfigKey.of(OAUTH + "cookieCsrfPerRequest",
      BOOLEAN, "false", "Use a CSRF cookie per login request.");
  public static final ConfigKey OAUTH_COOKIE_CSRF_EXPIRE = ConfigKey.of(OAUTH + "cookieCsrfExpire",
      ConfigType.DURATION, null, "Lifetime of the CSRF cookie, e.g. 15m.");
  public static final ConfigKey OAUTH_CA_CERT_PATH = ConfigKey.of(OAUTH + "tls.caCertPath", STRING, null,
      "Where the sidecar mounts volume ca-certificates (read-only) and finds the provider's CA file "
          + "(--provider-ca-file). The pod must have that volume (from a driver job item template).");
  public static final ConfigKey OAUTH_CA_CERT_SUB_PATH = ConfigKey.of(OAUTH + "tls.caCertSubPath", STRING, null,
      "subPath of the ca-certificates mount.");
  public static final ConfigKey OAUTH_CA_BUNDLE_PATH = ConfigKey.of(OAUTH + "tls.caBundlePath", STRING, null,
      "Where the sidecar mounts volume ca-bundle (read-only), e.g. /etc/ssl/certs/ca-certificates.crt with a subPath.");
  public static final ConfigKey OAUTH_CA_BUNDLE_SUB_PATH = ConfigKey.of(OAUTH + "tls.caBundleSubPath", STRING, null,
      "subPath of the ca-bundle mount.");
  public static final ConfigKey OAUTH_SKIP_VERIFY = ConfigKey.of(OAUTH + "skipVerify", BOOLEAN, "false",
      "Do not verify the provider's TLS certificate (--ssl-insecure-skip-verify). Unsafe.");
  public static final ConfigKey OAUTH_SSL_UPSTREAM_SKIP_VERIFY = ConfigKey.of(OAUTH + "sslUpstreamInsecureSkipVerify",
      BOOLEAN, "false", "Do not verify the upstream's TLS certificate (--ssl-upstream-insecure-skip-verify).");
  public static final ConfigKey OAUTH_INSECURE_SKIP_ISSUER = ConfigKey.of(OAUTH + "insecureSkipIssuerVerification",
      BOOLEAN, "false", "Skip the OIDC issuer check.");
  public static final ConfigKey OAUTH_INSECURE_UNVERIFIED_EMAIL = ConfigKey.of(OAUTH + "insecureAllowUnverifiedEmail",
      BOOLEAN, "false", "Accept users whose email is not verified.");
  public static final ConfigKey OAUTH_CODE_CHALLENGE_METHOD = ConfigKey.of(OAUTH + "codeChallengeMethod", STRING,
      "S256", "PKCE code challenge method: S256 or plain.");
  public static final ConfigKey OAUTH_CPU = ConfigKey.of(OAUTH + "resources.cpu", QUANTITY, "100m",
      "Cpu request and limit of the sidecar (fractional, as Armada requires for init containers).");
  public static final ConfigKey OAUTH_MEMORY = ConfigKey.of(OAUTH + "resources.memory", QUANTITY, "128Mi",
      "Memory request and limit of the sidecar.");

  static final List<ConfigKey> ALL = Collections.unmodifiableList(Arrays.asList(
      INGRESS_ENABLED, INGRESS_PORT, INGRESS_TLS_ENABLED, INGRESS_ANNOTATIONS, INGRESS_CERT_NAME,
      OAUTH_ENABLED, OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET, OAUTH_CLIENT_SECRET_K8S, OAUTH_CLIENT_SECRET_KEY,
      OAUTH_ISSUER_URL, OAUTH_REDIRECT_URL, OAUTH_PROXY_IMAGE, OAUTH_PROXY_PORT, OAUTH_PROVIDER_DISPLAY_NAME,
      OAUTH_SKIP_PROVIDER_DISCOVERY, OAUTH_LOGIN_URL, OAUTH_REDEEM_URL, OAUTH_VALIDATE_URL, OAUTH_JWKS_URL,
      OAUTH_EXTRA_AUDIENCES, OAUTH_EMAIL_DOMAIN, OAUTH_SKIP_JWT_BEARER_TOKENS, OAUTH_SKIP_PROVIDER_BUTTON,
      OAUTH_SKIP_AUTH_PREFLIGHT, OAUTH_PASS_HOST_HEADER, OAUTH_WHITELIST_DOMAIN, OAUTH_COOKIE_NAME,
      OAUTH_COOKIE_PATH, OAUTH_COOKIE_SECURE, OAUTH_COOKIE_SAMESITE, OAUTH_COOKIE_CSRF_PER_REQUEST,
      OAUTH_COOKIE_CSRF_EXPIRE, OAUTH_CA_CERT_PATH, OAUTH_CA_CERT_SUB_PATH, OAUTH_CA_BUNDLE_PATH,
      OAUTH_CA_BUNDLE_SUB_PATH, OAUTH_SKIP_VERIFY, OAUTH_SSL_UPSTREAM_SKIP_VERIFY, OAUTH_INSECURE_SKIP_ISSUER,
      OAUTH_INSECURE_UNVERIFIED_EMAIL, OAUTH_CODE_CHALLENGE_METHOD, OAUTH_CPU, OAUTH_MEMORY));

  private DriverUiConfigKeys() {}

  public static List<ConfigKey> all() {
    return ALL;
  }
}
