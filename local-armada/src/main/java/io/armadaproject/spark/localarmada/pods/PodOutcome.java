package io.armadaproject.spark.localarmada.pods;

import io.armadaproject.spark.api.ContainerStatus;
import java.util.List;

/**
 * How a pod ended.
 *
 * @param succeeded every main container exited 0
 * @param stopped the pod was stopped on request (cancel, preemption, injected failure, shutdown)
 * @param reason failure text (empty on success)
 * @param containerStatuses one entry per container that ran, in the order they ended
 */
public record PodOutcome(boolean succeeded, boolean stopped, String reason, List<ContainerStatus> containerStatuses) {

  public static PodOutcome success(List<ContainerStatus> statuses) {
    return new PodOutcome(true, false, "", List.copyOf(statuses));
  }

  public static PodOutcome failure(String reason, List<ContainerStatus> statuses) {
    return new PodOutcome(false, false, reason, List.copyOf(statuses));
  }

  /** Stopped on request; the reason applies when nobody asked for the stop but local-armada itself (shutdown). */
  public static PodOutcome stopped(List<ContainerStatus> statuses) {
    return new PodOutcome(false, true, "local-armada stopped the pod", List.copyOf(statuses));
  }
}
