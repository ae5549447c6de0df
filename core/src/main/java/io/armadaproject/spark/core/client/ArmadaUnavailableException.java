package io.armadaproject.spark.core.client;

import io.grpc.Status;

/**
 * Armada could not be reached, did not answer in time, rejected the health check or reported that it
 * is not serving. Thrown by {@link ArmadaClient#checkHealth(java.time.Duration)}.
 */
public class ArmadaUnavailableException extends ArmadaClientException {
  private static final long serialVersionUID = 1L;

  private final String endpointUrl;

  public ArmadaUnavailableException(
      String endpointUrl, String message, Status.Code statusCode, Throwable cause) {
    super(message, statusCode, cause);
    this.endpointUrl = endpointUrl;
  }

  /** The (normalized) URL of the Armada endpoint that was checked. */
  public String endpointUrl() {
    return endpointUrl;
  }
}
