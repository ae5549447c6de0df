package io.armadaproject.spark.core.client;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where Armada's gRPC API listens: host, port and whether to speak TLS. Immutable.
 *
 * <p>Parsed from a Spark master URL: {@code armada://host:port} (plaintext) or {@code
 * armada+tls://host:port} / {@code armada+https://host:port} (TLS); IPv6 literals go in brackets,
 * {@code armada://[::1]:50051}. {@link #toString()} gives the normalized URL ({@code armada://} or
 * {@code armada+tls://}, lower-case host, no trailing slash).
 */
public final class ArmadaEndpoint {
  private static final String PLAIN = "armada://";
  private static final String TLS = "armada+tls://";
  private static final String HTTPS = "armada+https://";

  private static final Pattern HOSTNAME = Pattern.compile("[A-Za-z0-9._-]+");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[A-Za-z0-9._~-]+)?");
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

  private final String host;
  private final int port;
  private final boolean tls;

  private ArmadaEndpoint(String host, int port, boolean tls) {
    this.host = host;
    this.port = port;
    this.tls = tls;
  }

  /**
   * An endpoint from its parts; {@code host} is a host name, an IPv4 literal or an IPv6 literal
   * (with or without brackets).
   */
  public static ArmadaEndpoint of(String host, int port, boolean tls) {
    Objects.requireNonNull(host, "host");
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    String problem = hostProblem(h, h.contains(":"));
    if (problem != null) {
      throw new IllegalArgumentException("Invalid Armada host \"" + host + "\": " + problem);
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("Invalid Armada port " + port + ": must be 1-65535");
    }
    return new ArmadaEndpoint(h.toLowerCase(Locale.ROOT), port, tls);
  }

  /** Parses a Spark master URL; throws {@link InvalidMasterUrlException} naming the URL on bad input. */
  public static ArmadaEndpoint parseMaster(String url) {
    if (url == null) {
      throw new InvalidMasterUrlException(null, "no URL given");
    }
    String trimmed = url.trim();
    String lower = trimmed.toLowerCase(Locale.ROOT);
    boolean tls;
    String rest;
    if (lower.startsWith(PLAIN)) {
      tls = false;
      rest = trimmed.substring(PLAIN.length());
    } else if (lower.startsWith(TLS)) {
      tls = true;
      rest = trimmed.substring(TLS.length());
    } else if (lower.startsWith(HTTPS)) {
      tls = true;
      rest = trimmed.substring(HTTPS.length());
    } else {
      throw invalid(url, "the scheme must be armada://, armada+tls:// or armada+https://");
    }
    if (rest.endsWith("/")) {
      rest = rest.substring(0, rest.length() - 1);
    }
    if (rest.indexOf('@') >= 0) {
      throw invalid(url, "user information is not allowed in the URL");
    }
    if (rest.indexOf('/') >= 0 || rest.indexOf('?') >= 0 || rest.indexOf('#') >= 0) {
      throw invalid(url, "a path, query or fragment is not allowed");
    }
    String host;
    String portText;
    boolean bracketed = rest.startsWith("[");
    if (bracketed) {
      int close = rest.indexOf(']');
      if (close < 0) {
        throw invalid(url, "missing ']' after the IPv6 address");
      }
      host = rest.substring(1, close);
      String after = rest.substring(close + 1);
      if (!after.startsWith(":")) {
        throw invalid(url, "missing :<port> after the host");
      }
      portText = after.substring(1);
    } else {
      int colon = rest.lastIndexOf(':');
      if (colon < 0) {
        throw invalid(url, "missing :<port> after the host");
      }
      host = rest.substring(0, colon);
      portText = rest.substring(colon + 1);
      if (host.indexOf(':') >= 0) {
        throw invalid(url, "an IPv6 address must be written in brackets, e.g. armada://[::1]:50051");
      }
    }
    String problem = hostProblem(host, bracketed);
    if (problem != null) {
      throw invalid(url, problem);
    }
    return new ArmadaEndpoint(host.toLowerCase(Locale.ROOT), parsePort(url, portText), tls);
  }

  private static int parsePort(String url, String text) {
    if (text.isEmpty()) {
      throw invalid(url, "the port is missing");
    }
    if (!DIGITS.matcher(text).matches()) {
      throw invalid(url, "the port \"" + text + "\" is not a number from 1 to 65535");
    }
    int port = Integer.parseInt(text);
    if (port < 1 || port > 65535) {
      throw invalid(url, "the port " + port + " is outside 1-65535");
    }
    return port;
  }

  private static String hostProblem(String host, boolean ipv6) {
    if (host.isEmpty()) {
      return "the host is empty";
    }
    if (ipv6) {
      return IPV6.matcher(host).matches() ? null : "\"" + host + "\" is not an IPv6 address";
    }
    return HOSTNAME.matcher(host).matches() ? null : "the host \"" + host + "\" contains invalid characters";
  }

  private static InvalidMasterUrlException invalid(String url, String problem) {
    return new InvalidMasterUrlException(maskUserInfo(url), problem);
  }

  /** Never echo a password someone put into the URL. */
  private static String maskUserInfo(String url) {
    int schemeEnd = url.indexOf("://");
    int at = url.indexOf('@');
    if (schemeEnd >= 0 && at > schemeEnd) {
      return url.substring(0, schemeEnd + 3) + "***" + url.substring(at);
    }
    return url;
  }

  /** Host name or address literal (IPv6 without brackets). */
  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public boolean isTls() {
    return tls;
  }

  /** {@code host:port} for a gRPC channel target, IPv6 literals in brackets. */
  public String target() {
    return hostForUrl() + ":" + port;
  }

  private String hostForUrl() {
    return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
  }

  @Override
  public String toString() {
    return (tls ? TLS : PLAIN) + target();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ArmadaEndpoint)) {
      return false;
    }
    ArmadaEndpoint other = (ArmadaEndpoint) o;
    return port == other.port && tls == other.tls && host.equals(other.host);
  }

  @Override
  public int hashCode() {
    return Objects.hash(host, port, tls);
  }
}
