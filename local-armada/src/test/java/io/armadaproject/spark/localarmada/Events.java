package io.armadaproject.spark.localarmada;

import io.armadaproject.spark.api.EventMessage;
import io.armadaproject.spark.api.EventStreamMessage;
import java.util.List;

/** Reading event messages in tests. */
public final class Events {

  private Events() {}

  public static String jobId(EventMessage message) {
    switch (message.getEventsCase()) {
      case SUBMITTED: return message.getSubmitted().getJobId();
      case QUEUED: return message.getQueued().getJobId();
      case LEASED: return message.getLeased().getJobId();
      case PENDING: return message.getPending().getJobId();
      case RUNNING: return message.getRunning().getJobId();
      case FAILED: return message.getFailed().getJobId();
      case SUCCEEDED: return message.getSucceeded().getJobId();
      case CANCELLING: return message.getCancelling().getJobId();
      case CANCELLED: return message.getCancelled().getJobId();
      case PREEMPTING: return message.getPreempting().getJobId();
      case PREEMPTED: return message.getPreempted().getJobId();
      case INGRESS_INFO: return message.getIngressInfo().getJobId();
      default: throw new IllegalArgumentException("unexpected event " + message.getEventsCase());
    }
  }

  public static List<EventMessage.EventsCase> kinds(List<EventStreamMessage> messages, String jobId) {
    return messages.stream().map(EventStreamMessage::getMessage).filter(m -> jobId.equals(jobId(m)))
        .map(EventMessage::getEventsCase).toList();
  }

  /** The job's last event of the given kind. */
  public static EventMessage last(List<EventStreamMessage> messages, String jobId, EventMessage.EventsCase kind) {
    return messages.stream().map(EventStreamMessage::getMessage)
        .filter(m -> m.getEventsCase() == kind && jobId.equals(jobId(m)))
        .reduce((first, second) -> second)
        .orElseThrow(() -> new AssertionError("no " + kind + " event for job " + jobId));
  }
}
