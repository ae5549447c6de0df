package io.armadaproject.spark.core.events;

import io.armadaproject.spark.api.ContainerStatus;
import io.armadaproject.spark.api.EventMessage;
import io.armadaproject.spark.api.EventStreamMessage;
import io.armadaproject.spark.api.JobFailedEvent;
import java.util.Collections;
import java.util.Map;

/** One Armada event reduced to what the Spark side acts on: whose it is, what happened, why. */
public final class JobEvent {
  /** The kinds of Armada event, in the order a job normally goes through them. */
  public enum Kind {
    SUBMITTED(false), QUEUED(false), LEASED(false), LEASE_RETURNED(false), LEASE_EXPIRED(false),
    PENDING(false), RUNNING(false), INGRESS_INFO(false), UTILISATION(false), REPRIORITIZING(false),
    REPRIORITIZED(false), CANCELLING(false), PREEMPTING(false), PREEMPTED(false),
    SUCCEEDED(true), FAILED(true), CANCELLED(true), UNKNOWN(false);

    private final boolean terminal;

    Kind(boolean terminal) {
      this.terminal = terminal;
    }

    /** True for the events after which Armada does nothing more with the job. */
    public boolean isTerminal() {
      return terminal;
    }
  }

  private final String messageId;
  private final String jobId;
  private final Kind kind;
  private final String reason;
  private final int exitCode;
  private final Map<String, String> labels;

  private JobEvent(String messageId, String jobId, Kind kind, String reason, int exitCode, Map<String, String> labels) {
    this.messageId = messageId;
    this.jobId = jobId;
    this.kind = kind;
    this.reason = reason;
    this.exitCode = exitCode;
    this.labels = labels;
  }

  public static JobEvent of(EventStreamMessage message) {
    EventMessage m = message.getMessage();
    String id = message.getId();
    switch (m.getEventsCase()) {
      case SUBMITTED:
        return new JobEvent(id, m.getSubmitted().getJobId(), Kind.SUBMITTED, "", 0,
            m.getSubmitted().getJob().getLabelsMap());
      case QUEUED:
        return simple(id, m.getQueued().getJobId(), Kind.QUEUED);
      case LEASED:
        return simple(id, m.getLeased().getJobId(), Kind.LEASED);
      case LEASE_RETURNED:
        return new JobEvent(id, m.getLeaseReturned().getJobId(), Kind.LEASE_RETURNED,
            m.getLeaseReturned().getReason(), 0, Collections.emptyMap());
      case LEASE_EXPIRED:
        return simple(id, m.getLeaseExpired().getJobId(), Kind.LEASE_EXPIRED);
      case PENDING:
        return simple(id, m.getPending().getJobId(), Kind.PENDING);
      case RUNNING:
        return simple(id, m.getRunning().getJobId(), Kind.RUNNING);
      case INGRESS_INFO:
        return simple(id, m.getIngressInfo().getJobId(), Kind.INGRESS_INFO);
      case UTILISATION:
        return simple(id, m.getUtilisation().getJobId(), Kind.UTILISATION);
      case REPRIORITIZING:
        return simple(id, m.getReprioritizing().getJobId(), Kind.REPRIORITIZING);
      case REPRIORITIZED:
        return simple(id, m.getReprioritized().getJobId(), Kind.REPRIORITIZED);
      case CANCELLING:
        return simple(id, m.getCancelling().getJobId(), Kind.CANCELLING);
      case CANCELLED:
        return simple(id, m.getCancelled().getJobId(), Kind.CANCELLED);
      case PREEMPTING:
        return new JobEvent(id, m.getPreempting().getJobId(), Kind.PREEMPTING,
            m.getPreempting().getReason(), 0, Collections.emptyMap());
      case PREEMPTED:
        return new JobEvent(id, m.getPreempted().getJobId(), Kind.PREEMPTED,
            m.getPreempted().getReason(), 0, Collections.emptyMap());
      case SUCCEEDED:
        return simple(id, m.getSucceeded().getJobId(), Kind.SUCCEEDED);
      case FAILED:
        return failed(id, m.getFailed());
      default:
        return simple(id, "", Kind.UNKNOWN);
    }
  }

  private static JobEvent simple(String id, String jobId, Kind kind) {
    return new JobEvent(id, jobId, kind, "", 0, Collections.emptyMap());
  }

  private static JobEvent failed(String id, JobFailedEvent f) {
    int exit = -1;
    for (ContainerStatus status : f.getContainerStatusesList()) {
      if (status.getExitCode() != 0) {
        exit = status.getExitCode();
        break;
      }
    }
    String reason = f.getReason().isEmpty() ? "no reason given" : f.getReason();
    return new JobEvent(id, f.getJobId(), Kind.FAILED, reason + " (cause: " + f.getCause().name() + ")", exit,
        Collections.emptyMap());
  }

  public String messageId() {
    return messageId;
  }

  public String jobId() {
    return jobId;
  }

  public Kind kind() {
    return kind;
  }

  /** Armada's reason for failures and preemptions, else empty. */
  public String reason() {
    return reason;
  }

  /** The first non-zero container exit code of a failed job, or -1 when none is known. */
  public int exitCode() {
    return exitCode;
  }

  /** The job's labels; filled on SUBMITTED events only. */
  public Map<String, String> labels() {
    return labels;
  }

  @Override
  public String toString() {
    return kind + " " + jobId + (reason.isEmpty() ? "" : ": " + reason);
  }
}
