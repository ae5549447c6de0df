package io.armadaproject.spark.core.client;

import io.grpc.Status;
import java.util.List;

/**
 * A {@code SubmitJobs} call failed. Items are sent in several requests when there are many of them;
 * {@link #acceptedJobIds()} lists the ids Armada had already accepted (from earlier requests) when
 * the failure happened, so that the caller can cancel them.
 */
public class ArmadaSubmitException extends ArmadaClientException {
  private static final long serialVersionUID = 1L;

  private final Status.Code code;
  private final String armadaMessage;
  private final List<String> acceptedJobIds;

  public ArmadaSubmitException(
      String message,
      Status.Code code,
      String armadaMessage,
      List<String> acceptedJobIds,
      Throwable cause) {
    super(message, code, cause);
    this.code = code;
    this.armadaMessage = armadaMessage == null ? "" : armadaMessage;
    this.acceptedJobIds = List.copyOf(acceptedJobIds);
  }

  /** The gRPC status code of the failed call ({@code UNKNOWN} for an item-level error). */
  public Status.Code code() {
    return code;
  }

  /** Armada's own error text (the status description), possibly empty. */
  public String armadaMessage() {
    return armadaMessage;
  }

  /** Ids of the jobs Armada accepted before the failure, in item order; never null. */
  public List<String> acceptedJobIds() {
    return acceptedJobIds;
  }
}
