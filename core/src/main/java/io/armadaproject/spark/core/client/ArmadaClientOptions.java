package io.armadaproject.spark.core.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Connection options of an {@link ArmadaClient}. Immutable; build with {@link #builder()}.
 *
 * <p>The bearer token is never shown by {@link #toString()}.
 */
public final class ArmadaClientOptions {
  /** Armada closes connections whose client pings more often than this. */
  public static final Duration MIN_KEEPALIVE_TIME = Duration.ofSeconds(10);

  public static final Duration DEFAULT_KEEPALIVE_TIME = Duration.ofSeconds(30);
  public static final Duration DEFAULT_KEEPALIVE_TIMEOUT = Duration.ofSeconds(20);
  public static final int DEFAULT_MAX_INBOUND_MESSAGE_BYTES = 64 * 1024 * 1024;
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration DEFAULT_WATCH_INITIAL_BACKOFF = Duration.ofMillis(200);
  public static final Duration DEFAULT_WATCH_MAX_BACKOFF = Duration.ofSeconds(5);

  private final Supplier<String> tokenSupplier;
  private final Path caCertFile;
  private final Duration keepAliveTime;
  private final Duration keepAliveTimeout;
  private final int maxInboundMessageBytes;
  private final Duration callTimeout;
  private final Duration watchInitialBackoff;
  private final Duration watchMaxBackoff;

  private ArmadaClientOptions(Builder b) {
    this.tokenSupplier = b.tokenSupplier;
    this.caCertFile = b.caCertFile;
    this.keepAliveTime =
        b.keepAliveTime.compareTo(MIN_KEEPALIVE_TIME) < 0 ? MIN_KEEPALIVE_TIME : b.keepAliveTime;
    this.keepAliveTimeout = b.keepAliveTimeout;
    this.maxInboundMessageBytes = b.maxInboundMessageBytes;
    this.callTimeout = b.callTimeout;
    this.watchInitialBackoff = b.watchInitialBackoff;
    this.watchMaxBackoff =
        b.watchMaxBackoff.compareTo(b.watchInitialBackoff) < 0 ? b.watchInitialBackoff : b.watchMaxBackoff;
  }

  /** No token, system trust store, default timings. */
  public static ArmadaClientOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Source of the bearer token, asked once per call; empty when calls go without credentials. */
  public Optional<Supplier<String>> tokenSupplier() {
    return Optional.ofNullable(tokenSupplier);
  }

  public boolean hasToken() {
    return tokenSupplier != null;
  }

  /** PEM file with the CA certificate(s) to trust for TLS; empty = the JVM's default trust store. */
  public Optional<Path> caCertFile() {
    return Optional.ofNullable(caCertFile);
  }

  /** Interval between HTTP/2 keepalive pings; never below {@link #MIN_KEEPALIVE_TIME}. */
  public Duration keepAliveTime() {
    return keepAliveTime;
  }

  public Duration keepAliveTimeout() {
    return keepAliveTimeout;
  }

  public int maxInboundMessageBytes() {
    return maxInboundMessageBytes;
  }

  /** Deadline of unary calls (submit, cancel) and of {@code readJobSet}. */
  public Duration callTimeout() {
    return callTimeout;
  }

  public Duration watchInitialBackoff() {
    return watchInitialBackoff;
  }

  public Duration watchMaxBackoff() {
    return watchMaxBackoff;
  }

  @Override
  public String toString() {
    return "ArmadaClientOptions{token=" + (hasToken() ? "<redacted>" : "none")
        + ", caCertFile=" + (caCertFile == null ? "none" : caCertFile)
        + ", keepAliveTime=" + keepAliveTime
        + ", keepAliveTimeout=" + keepAliveTimeout
        + ", maxInboundMessageBytes=" + maxInboundMessageBytes
        + ", callTimeout=" + callTimeout
        + ", watchBackoff=" + watchInitialBackoff + ".." + watchMaxBackoff + "}";
  }

  /** Builder of {@link ArmadaClientOptions}. */
  public static final class Builder {
    private Supplier<String> tokenSupplier;
    private Path caCertFile;
    private Duration keepAliveTime = DEFAULT_KEEPALIVE_TIME;
    private Duration keepAliveTimeout = DEFAULT_KEEPALIVE_TIMEOUT;
    private int maxInboundMessageBytes = DEFAULT_MAX_INBOUND_MESSAGE_BYTES;
    private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
    private Duration watchInitialBackoff = DEFAULT_WATCH_INITIAL_BACKOFF;
    private Duration watchMaxBackoff = DEFAULT_WATCH_MAX_BACKOFF;

    private Builder() {}

    /** Sends {@code authorization: Bearer <token>} on every call; null or blank = no token. */
    public Builder bearerToken(String token) {
      if (token == null || token.trim().isEmpty()) {
        this.tokenSupplier = null;
      } else {
        String t = token.trim();
        this.tokenSupplier = () -> t;
      }
      return this;
    }

    /**
     * Asks {@code supplier} for the token before every call (it may cache and refresh); null = no
     * token. The supplier runs on a gRPC executor thread and may block briefly.
     */
    public Builder tokenSupplier(Supplier<String> supplier) {
      this.tokenSupplier = supplier;
      return this;
    }

    public Builder caCertFile(Path pemFile) {
      this.caCertFile = pemFile;
      return this;
    }

    /** Keepalive ping interval; values below 10 s are raised to 10 s (Armada's minimum). */
    public Builder keepAliveTime(Duration interval) {
      this.keepAliveTime = positive(interval, "keepAliveTime");
      return this;
    }

    public Builder keepAliveTimeout(Duration timeout) {
      this.keepAliveTimeout = positive(timeout, "keepAliveTimeout");
      return this;
    }

    public Builder maxInboundMessageBytes(int bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("maxInboundMessageBytes must be positive: " + bytes);
      }
      this.maxInboundMessageBytes = bytes;
      return this;
    }

    public Builder callTimeout(Duration timeout) {
      this.callTimeout = positive(timeout, "callTimeout");
      return this;
    }

    /** Reconnect back-off of event watches: first delay and cap (doubling in between). */
    public Builder watchBackoff(Duration initial, Duration max) {
      this.watchInitialBackoff = positive(initial, "watch initial backoff");
      this.watchMaxBackoff = positive(max, "watch max backoff");
      return this;
    }

    public ArmadaClientOptions build() {
      return new ArmadaClientOptions(this);
    }

    private static Duration positive(Duration d, String what) {
      Objects.requireNonNull(d, what);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + " must be positive: " + d);
      }
      return d;
    }
  }
}
