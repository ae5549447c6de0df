package io.armadaproject.spark.submit.cluster;

import io.armadaproject.spark.api.JobSubmitRequestItem;
import io.armadaproject.spark.k8s.core.v1.PodSecurityContext;
import io.armadaproject.spark.k8s.core.v1.PodSpec;
import java.util.Map;

/** What the driver's and the executors' Armada jobs have in common. */
final class JobItems {
  private JobItems() {}

  /** A pod that runs once, as the configured user, on the selected nodes. */
  static PodSpec.Builder pod(ResolvedSubmission s) {
    return PodSpec.newBuilder()
        .setRestartPolicy("Never")
        .setTerminationGracePeriodSeconds(30)
        .setSecurityContext(PodSecurityContext.newBuilder().setRunAsUser(s.runAsUser))
        .putAllNodeSelector(s.nodeSelectors);
  }

  /** A job item in the submission's namespace and priority, in its gang if it has one. */
  static JobSubmitRequestItem.Builder item(ResolvedSubmission s, Map<String, String> labels, PodSpec pod) {
    JobSubmitRequestItem.Builder item =
        JobSubmitRequestItem.newBuilder()
            .setPriority(s.priority)
            .setNamespace(s.namespace)
            .putAllLabels(labels)
            .setPodSpec(pod);
    s.gang.ifPresent(g -> item.putAllAnnotations(g.annotations()));
    return item;
  }
}
