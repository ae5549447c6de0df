package io.armadaproject.spark.core.client;

import io.grpc.Status;
import java.util.Optional;

/**
 * Base of every failure reported by {@link ArmadaClient}. Unchecked. When the failure came from a
 * gRPC call, {@link #statusCode()} carries the call's status code.
 *
 * <p>Messages never contain the auth token.
 */
public class ArmadaClientException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Status.Code statusCode;

  public ArmadaClientException(String message) {
    this(message, null, null);
  }

  public ArmadaClientException(String message, Throwable cause) {
    this(message, null, cause);
  }

  public ArmadaClientException(String message, Status.Code statusCode, Throwable cause) {
    super(message, cause);
    this.statusCode = statusCode;
  }

  /** The gRPC status code of the failed call, empty when the failure did not come from a call. */
  public Optional<Status.Code> statusCode() {
    return Optional.ofNullable(statusCode);
  }
}
