package io.armadaproject.spark.submit.cluster;

import static io.armadaproject.spark.core.config.DriverUiConfigKeys.*;

import io.armadaproject.spark.core.config.ArmadaConf;
import io.armadaproject.spark.core.config.ConfigException;
import io.armadaproject.spark.core.config.ConfigKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Checks the spark.armada.oauth.* keys and turns them into the OAuth2-proxy sidecar's arguments. */
final class OAuthProxyResolver {
  private final ArmadaConf armada;

  OAuthProxyResolver(ArmadaConf armada) {
    this.armada = armada;
  }

  OAuthProxySidecar resolve(int proxyPort, int sparkUiPort) {
    String clientId = armada.require(OAUTH_CLIENT_ID, "set " + OAUTH_CLIENT_ID.name() + " to your OAuth2 client id");
    OAuthProxySidecar.ClientSecret secret = clientSecret();
    boolean skipDiscovery = armada.bool(OAUTH_SKIP_PROVIDER_DISCOVERY);
    if (skipDiscovery) {
      for (ConfigKey endpoint : Arrays.asList(OAUTH_LOGIN_URL, OAUTH_REDEEM_URL, OAUTH_VALIDATE_URL, OAUTH_JWKS_URL)) {
        armada.require(endpoint, "set " + endpoint.name() + ": without OIDC discovery ("
            + OAUTH_SKIP_PROVIDER_DISCOVERY.name() + "=true) the proxy needs every endpoint");
      }
    } else {
      armada.require(OAUTH_ISSUER_URL, "set " + OAUTH_ISSUER_URL.name() + " to your OIDC issuer, or set "
          + OAUTH_SKIP_PROVIDER_DISCOVERY.name() + "=true with the login, redeem, validate and jwks URLs");
    }
    oneOf(OAUTH_CODE_CHALLENGE_METHOD, "S256", "plain");
    oneOf(OAUTH_COOKIE_SAMESITE, "lax", "strict", "none");

    List<String> args = new ArrayList<>(Arrays.asList(
        "--pass-authorization-header", "--http-address", "0.0.0.0:" + proxyPort, "--reverse-proxy",
        "--provider", "oidc", "--provider-display-name", value(OAUTH_PROVIDER_DISPLAY_NAME),
        "--client-id", clientId, "--email-domain", value(OAUTH_EMAIL_DOMAIN),
        "--upstream", "http://127.0.0.1:" + sparkUiPort, "--code-challenge-method", value(OAUTH_CODE_CHALLENGE_METHOD)));
    optional(args, "--redirect-url", OAUTH_REDIRECT_URL);
    optional(args, "--oidc-issuer-url", OAUTH_ISSUER_URL);
    optional(args, "--login-url", OAUTH_LOGIN_URL);
    optional(args, "--redeem-url", OAUTH_REDEEM_URL);
    optional(args, "--validate-url", OAUTH_VALIDATE_URL);
    optional(args, "--oidc-jwks-url", OAUTH_JWKS_URL);
    flag(args, "--skip-oidc-discovery", OAUTH_SKIP_PROVIDER_DISCOVERY);
    flag(args, "--insecure-oidc-skip-issuer-verification", OAUTH_INSECURE_SKIP_ISSUER);
    flag(args, "--insecure-oidc-allow-unverified-email", OAUTH_INSECURE_UNVERIFIED_EMAIL);
    flag(args, "--skip-provider-button", OAUTH_SKIP_PROVIDER_BUTTON);
    flag(args, "--skip-auth-preflight", OAUTH_SKIP_AUTH_PREFLIGHT);
    flag(args, "--pass-host-header", OAUTH_PASS_HOST_HEADER);
    bareFlag(args, "--skip-jwt-bearer-tokens", OAUTH_SKIP_JWT_BEARER_TOKENS);
    bareFlag(args, "--ssl-insecure-skip-verify", OAUTH_SKIP_VERIFY);
    bareFlag(args, "--ssl-upstream-insecure-skip-verify", OAUTH_SSL_UPSTREAM_SKIP_VERIFY);
    args.add("--cookie-name");
    args.add(value(OAUTH_COOKIE_NAME));
    args.add("--cookie-path");
    args.add(value(OAUTH_COOKIE_PATH));
    flag(args, "--cookie-secure", OAUTH_COOKIE_SECURE);
    flag(args, "--cookie-csrf-per-request", OAUTH_COOKIE_CSRF_PER_REQUEST);
    optional(args, "--cookie-samesite", OAUTH_COOKIE_SAMESITE);
    optional(args, "--cookie-csrf-expire", OAUTH_COOKIE_CSRF_EXPIRE);
    optional(args, "--whitelist-domain", OAUTH_WHITELIST_DOMAIN);
    armada.get(OAUTH_EXTRA_AUDIENCES).ifPresent(list -> {
      for (String audience : list.split(",")) {
        if (!audience.trim().isEmpty()) {
          args.add("--oidc-extra-audience");
          args.add(audience.trim());
        }
      }
    });
    List<OAuthProxySidecar.Mount> mounts = new ArrayList<>();
    mount(mounts, "ca-certificates", OAUTH_CA_CERT_PATH, OAUTH_CA_CERT_SUB_PATH);
    mount(mounts, "ca-bundle", OAUTH_CA_BUNDLE_PATH, OAUTH_CA_BUNDLE_SUB_PATH);
    armada.get(OAUTH_CA_CERT_PATH).ifPresent(path -> {
      args.add("--provider-ca-file");
      args.add(path);
    });
    return new OAuthProxySidecar(value(OAUTH_PROXY_IMAGE), proxyPort, value(OAUTH_CPU), value(OAUTH_MEMORY), args,
        secret, mounts);
  }

  private OAuthProxySidecar.ClientSecret clientSecret() {
    Optional<String> literal = armada.get(OAUTH_CLIENT_SECRET);
    Optional<String> secretName = armada.get(OAUTH_CLIENT_SECRET_K8S);
    if (literal.isPresent() && secretName.isPresent()) {
      throw new ConfigException(OAUTH_CLIENT_SECRET_K8S.name(), secretName.get(),
          "is given together with " + OAUTH_CLIENT_SECRET.name(), "keep only one; the Kubernetes secret is safer");
    }
    if (!literal.isPresent() && !secretName.isPresent()) {
      throw ConfigException.missing(OAUTH_CLIENT_SECRET_K8S.name(), "name the Kubernetes secret holding the client "
          + "secret (key " + OAUTH_CLIENT_SECRET_KEY.name() + "), or set " + OAUTH_CLIENT_SECRET.name());
    }
    return new OAuthProxySidecar.ClientSecret(literal, secretName, value(OAUTH_CLIENT_SECRET_KEY));
  }

  private void mount(List<OAuthProxySidecar.Mount> mounts, String volume, ConfigKey path, ConfigKey subPath) {
    Optional<String> p = armada.get(path);
    if (!p.isPresent() && armada.isSet(subPath)) {
      throw new ConfigException(subPath.name(), armada.get(subPath).get(), "is set without " + path.name(),
          "set " + path.name() + " to the mount path too");
    }
    p.ifPresent(mountPath -> mounts.add(new OAuthProxySidecar.Mount(volume, mountPath, armada.get(subPath))));
  }

  private void oneOf(ConfigKey key, String... allowed) {
    armada.get(key).ifPresent(v -> {
      if (!Arrays.asList(allowed).contains(v)) {
        throw new ConfigException(key.name(), v, "is not supported", "use one of " + String.join(", ", allowed));
      }
    });
  }

  private String value(ConfigKey key) {
    return armada.require(key, "set " + key.name());
  }

  private void optional(List<String> args, String flag, ConfigKey key) {
    armada.get(key).ifPresent(v -> {
      args.add(flag);
      args.add(v);
    });
  }

  private void flag(List<String> args, String flag, ConfigKey key) {
    args.add(flag + "=" + armada.bool(key));
  }

  private void bareFlag(List<String> args, String flag, ConfigKey key) {
    if (armada.bool(key)) {
      args.add(flag);
    }
  }
}
