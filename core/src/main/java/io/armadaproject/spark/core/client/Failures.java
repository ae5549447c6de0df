package io.armadaproject.spark.core.client;

import io.armadaproject.spark.api.JobSubmitResponse;
import io.armadaproject.spark.api.JobSubmitResponseItem;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Builds the client's exceptions with messages that name the endpoint, the reason and the fix. */
final class Failures {
  private Failures() {}

  static ArmadaUnavailableException unavailable(ArmadaEndpoint endpoint, Duration timeout, StatusRuntimeException e) {
    Status status = e.getStatus();
    String reason;
    switch (status.getCode()) {
      case DEADLINE_EXCEEDED:
        reason = "no answer within " + timeout.toMillis() + " ms (" + describe(status) + ")";
        break;
      case UNAUTHENTICATED:
      case PERMISSION_DENIED:
        reason = "the credentials were refused (" + describe(status) + "); check the Armada auth token";
        break;
      default:
        reason = describe(status);
    }
    return new ArmadaUnavailableException(
        endpoint.toString(), healthMessage(endpoint, reason), status.getCode(), e);
  }

  static ArmadaUnavailableException notServing(ArmadaEndpoint endpoint, String servingStatus) {
    return new ArmadaUnavailableException(
        endpoint.toString(), healthMessage(endpoint, "it reports " + servingStatus), null, null);
  }

  private static String healthMessage(ArmadaEndpoint endpoint, String reason) {
    return "Armada health check failed at " + endpoint + ": " + reason
        + "; is local-armada or Armada running and reachable at " + endpoint
        + "? see spark.armada.health.checkTimeout";
  }

  static List<String> jobIds(JobSubmitResponse response) {
    List<String> ids = new ArrayList<>(response.getJobResponseItemsCount());
    for (JobSubmitResponseItem item : response.getJobResponseItemsList()) {
      if (!item.getError().isEmpty()) {
        ids.add(null);
      } else {
        ids.add(item.getJobId());
      }
    }
    return ids;
  }

  /** A response whose items are not one job id per request item (legacy per-item errors, say). */
  static void checkSubmitResponse(ArmadaEndpoint endpoint, String queue, String jobSetId, int offset,
      int batchSize, int total, List<String> ids, List<String> acceptedBefore) {
    boolean ok = ids.size() == batchSize;
    List<String> accepted = new ArrayList<>(acceptedBefore);
    for (String id : ids) {
      if (id == null || id.isEmpty()) {
        ok = false;
      } else {
        accepted.add(id);
      }
    }
    if (ok) {
      return;
    }
    String detail = ids.size() != batchSize
        ? "Armada returned " + ids.size() + " job id(s) for " + batchSize + " item(s)"
        : "Armada reported an error for some items";
    throw new ArmadaSubmitException(
        submitContext(endpoint, queue, jobSetId, offset, batchSize, total) + ": " + detail
            + acceptedNote(accepted.size()),
        Status.Code.UNKNOWN, detail, accepted, null);
  }

  static ArmadaSubmitException submitRejected(ArmadaEndpoint endpoint, String queue, String jobSetId,
      int offset, int batchSize, int total, StatusRuntimeException e, List<String> accepted) {
    Status status = e.getStatus();
    String outcome = "";
    if (status.getCode() == Status.Code.DEADLINE_EXCEEDED || status.getCode() == Status.Code.CANCELLED) {
      outcome = " (Armada may still have accepted jobs of this request)";
    }
    return new ArmadaSubmitException(
        submitContext(endpoint, queue, jobSetId, offset, batchSize, total) + " failed: " + describe(status)
            + outcome + acceptedNote(accepted.size()),
        status.getCode(), status.getDescription(), accepted, e);
  }

  private static String submitContext(ArmadaEndpoint endpoint, String queue, String jobSetId,
      int offset, int batchSize, int total) {
    return "SubmitJobs to " + endpoint + " (queue " + queue + ", job set " + jobSetId + ", items "
        + (offset + 1) + "-" + (offset + batchSize) + " of " + total + ")";
  }

  private static String acceptedNote(int accepted) {
    return accepted == 0 ? "; no job was accepted" : "; " + accepted + " job(s) were accepted and may need cancelling";
  }

  static ArmadaClientException callFailed(ArmadaEndpoint endpoint, String what, StatusRuntimeException e) {
    Status status = e.getStatus();
    return new ArmadaClientException(what + " at " + endpoint + " failed: " + describe(status), status.getCode(), e);
  }

  /** {@code CODE: description (cause)}, the cause only when it adds something. */
  static String describe(Status status) {
    StringBuilder text = new StringBuilder(status.getCode().name());
    String description = status.getDescription();
    if (description != null && !description.isEmpty()) {
      text.append(": ").append(description);
    }
    Throwable cause = status.getCause();
    if (cause != null && cause.getMessage() != null
        && (description == null || !description.contains(cause.getMessage()))) {
      text.append(" (").append(cause.getMessage()).append(')');
    }
    return text.toString();
  }
}
