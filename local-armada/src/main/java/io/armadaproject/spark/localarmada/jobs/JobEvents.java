package io.armadaproject.spark.localarmada.jobs;

import com.google.protobuf.Timestamp;
import io.armadaproject.spark.api.Cause;
import io.armadaproject.spark.api.ContainerStatus;
import io.armadaproject.spark.api.EventMessage;
import io.armadaproject.spark.api.JobCancelledEvent;
import io.armadaproject.spark.api.JobCancellingEvent;
import io.armadaproject.spark.api.JobFailedEvent;
import io.armadaproject.spark.api.JobIngressInfoEvent;
import io.armadaproject.spark.api.JobLeasedEvent;
import io.armadaproject.spark.api.JobPendingEvent;
import io.armadaproject.spark.api.JobPreemptedEvent;
import io.armadaproject.spark.api.JobPreemptingEvent;
import io.armadaproject.spark.api.JobQueuedEvent;
import io.armadaproject.spark.api.JobRunningEvent;
import io.armadaproject.spark.api.JobSubmittedEvent;
import io.armadaproject.spark.api.JobSucceededEvent;
import io.armadaproject.spark.localarmada.pods.PodInfo;
import io.armadaproject.spark.localarmada.pods.PodMetadata;
import java.util.List;
import java.util.Map;

/** Builds the API events local-armada emits for a job (reference 3.5). */
final class JobEvents {

  static final String CLUSTER_ID = "local-armada";
  static final String POOL = "default";

  private JobEvents() {}

  static EventMessage submitted(LocalJob job, Timestamp created) {
    return EventMessage.newBuilder().setSubmitted(JobSubmittedEvent.newBuilder()
        .setJobId(job.id()).setJobSetId(job.jobSetId()).setQueue(job.queue()).setCreated(created)
        .setJob(job.spec())).build();
  }

  static EventMessage queued(LocalJob job, Timestamp created) {
    return EventMessage.newBuilder().setQueued(JobQueuedEvent.newBuilder()
        .setJobId(job.id()).setJobSetId(job.jobSetId()).setQueue(job.queue()).setCreated(created)).build();
  }

  static EventMessage leased(LocalJob job, Timestamp created) {
    return EventMessage.newBuilder().setLeased(JobLeasedEvent.newBuilder()
        .setJobId(job.id()).setJobSetId(job.jobSetId()).setQueue(job.queue()).setCreated(created)
        .setClusterId(CLUSTER_ID).setPool(POOL)).build();
  }

  static EventMessage pending(LocalJob job, PodInfo pod, Timestamp created) {
    return EventMessage.newBuilder().setPending(JobPendingEvent.newBuilder()
        .setJobId(job.id()).setJobSetId(job.jobSetId()).setQueue(job.queue()).setCreated(created)
        .setClusterId(CLUSTER_ID).setKubernetesId(pod.uid()).setPodNumber(0).setPodName(pod.podName())
        .setPodNamespace(pod.namespace()).setPool(POOL)).build();
  }

  static EventMessage running(LocalJob job, PodInfo pod, Timestamp created) {
    return EventMessage.newBuilder().setRunning(JobRunningEvent.newBuilder()
        .setJobId(job.id()).setJobSetId(job.jobSetId()).setQueue(job.queue()).setCreated(created)
        .setClusterId(CLUSTER_ID).setKubernetesId(pod.uid()).setNodeName(PodMetadata.NODE_NAME).setPodNumber(0)
        .setPodName(pod.podName()).setPodNamespace(pod.namespace()).setPool(POOL)).build();
  }

  static EventMessage ingressInfo(LocalJob job, PodInfo pod, Map<Integer, String> addresses, Timestamp created) {
    return EventMessage.newBuilder().setIngressInfo(JobIngressInfoEvent.newBuilder()
        .setJobId(job.id()).setJobSetId(job.jobSetId()).setQueue(job.queue()).setCreated(created)
        .setClusterId(CLUSTER_ID).setKubernetesId(pod.uid()).setNodeName(PodMetadata.NODE_NAME).setPodNumber(0)
        .setPodName(pod.podName()).setPodNamespace(pod.namespace()).putAllIngressAddresses(addresses)).build();
  }

  static EventMessage succeeded(LocalJob job, Timestamp created) {
    return EventMessage.newBuilder().setSucceeded(JobSucceededEvent.newBuilder()
        .setJobId(job.id()).setJobSetId(job.jobSetId()).setQueue(job.queue()).setCreated(created)).build();
  }

  /** A failure; pod details are filled when the job had a pod. */
  static EventMessage failed(LocalJob job, String reason, Cause cause, List<ContainerStatus> statuses, PodInfo pod,
      Timestamp created) {
    JobFailedEvent.Builder failed = JobFailedEvent.newBuilder()
        .setJobId(job.id()).setJobSetId(job.jobSetId()).setQueue(job.queue()).setCreated(created)
        .setReason(reason).setCause(cause).addAllContainerStatuses(statuses);
    if (pod != null) {
      failed.setClusterId(CLUSTER_ID).setKubernetesId(pod.uid()).setNodeName(PodMetadata.NODE_NAME).setPodNumber(0)
          .setPodName(pod.podName()).setPodNamespace(pod.namespace());
    }
    return EventMessage.newBuilder().setFailed(failed).build();
  }

  static EventMessage cancelling(String queue, String jobSetId, String jobId, String requestor, Timestamp created) {
    return EventMessage.newBuilder().setCancelling(JobCancellingEvent.newBuilder()
        .setJobId(jobId).setJobSetId(jobSetId).setQueue(queue).setCreated(created).setRequestor(requestor)).build();
  }

  static EventMessage cancelled(LocalJob job, String requestor, Timestamp created) {
    return EventMessage.newBuilder().setCancelled(JobCancelledEvent.newBuilder()
        .setJobId(job.id()).setJobSetId(job.jobSetId()).setQueue(job.queue()).setCreated(created)
        .setRequestor(requestor)).build();
  }

  static EventMessage preempting(String queue, String jobSetId, String jobId, String requestor, String reason,
      Timestamp created) {
    return EventMessage.newBuilder().setPreempting(JobPreemptingEvent.newBuilder()
        .setJobId(jobId).setJobSetId(jobSetId).setQueue(queue).setCreated(created).setRequestor(requestor)
        .setReason(reason)).build();
  }

  static EventMessage preempted(LocalJob job, String reason, String requestor, Timestamp created) {
    return EventMessage.newBuilder().setPreempted(JobPreemptedEvent.newBuilder()
        .setJobId(job.id()).setJobSetId(job.jobSetId()).setQueue(job.queue()).setCreated(created)
        .setClusterId(CLUSTER_ID).setRunId(PodMetadata.runId(job.id())).setReason(reason).setRequestor(requestor))
        .build();
  }
}
