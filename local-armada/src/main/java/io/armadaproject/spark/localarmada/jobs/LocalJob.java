package io.armadaproject.spark.localarmada.jobs;

import io.armadaproject.spark.api.IngressConfig;
import io.armadaproject.spark.api.Job;
import io.armadaproject.spark.api.JobState;
import io.armadaproject.spark.localarmada.pods.PodInfo;
import io.armadaproject.spark.localarmada.pods.PodRequest;
import io.armadaproject.spark.localarmada.submit.GangSpec;
import io.armadaproject.spark.localarmada.util.Resources;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One accepted job: its immutable submission (the {@link Job} carried by the submitted event) and its
 * mutable run state, which only {@link JobController} changes (under its lock).
 */
public final class LocalJob {

  /** Scheduling order: lower priority value first, then submission order. */
  public static final Comparator<LocalJob> SCHEDULING_ORDER =
      Comparator.comparingDouble((LocalJob job) -> job.spec.getPriority()).thenComparingLong(job -> job.sequence);

  private static final Set<JobState> TERMINAL =
      EnumSet.of(JobState.SUCCEEDED, JobState.FAILED, JobState.CANCELLED, JobState.PREEMPTED, JobState.REJECTED);

  /** Why local-armada stopped a job's pod, which decides the events that follow. */
  enum StopCause { CANCEL, PREEMPT, FAIL }

  private final Job spec;
  private final long sequence;
  private final List<IngressConfig> ingress;
  private final GangSpec gang;
  private final Resources request;

  private JobState state = JobState.QUEUED;
  private PodInfo pod;
  private final Map<String, Integer> exitCodes = new LinkedHashMap<>();
  private StopCause stopCause;
  private String stopReason = "";
  private String stopRequestor = "";

  LocalJob(Job spec, long sequence, List<IngressConfig> ingress, GangSpec gang, Resources request) {
    this.spec = spec;
    this.sequence = sequence;
    this.ingress = List.copyOf(ingress);
    this.gang = gang;
    this.request = request;
  }

  public String id() {
    return spec.getId();
  }

  public String queue() {
    return spec.getQueue();
  }

  public String jobSetId() {
    return spec.getJobSetId();
  }

  public Job spec() {
    return spec;
  }

  /** The gang this job belongs to, or null. */
  public GangSpec gang() {
    return gang;
  }

  /** Queue-scoped key of the gang, or null. */
  public String gangKey() {
    return gang == null ? null : queue() + "/" + gang.id();
  }

  public Resources request() {
    return request;
  }

  public synchronized JobState state() {
    return state;
  }

  synchronized void setState(JobState state) {
    this.state = state;
  }

  public synchronized boolean isTerminal() {
    return TERMINAL.contains(state);
  }

  /** True once leased and not yet terminal: the job owns a pod. */
  synchronized boolean hasRun() {
    return state == JobState.LEASED || state == JobState.PENDING || state == JobState.RUNNING;
  }

  public synchronized PodInfo pod() {
    return pod;
  }

  synchronized void setPod(PodInfo pod) {
    this.pod = pod;
  }

  public synchronized Map<String, Integer> exitCodes() {
    return Map.copyOf(exitCodes);
  }

  synchronized void recordExitCode(String container, int exitCode) {
    exitCodes.put(container, exitCode);
  }

  synchronized StopCause stopCause() {
    return stopCause;
  }

  synchronized String stopReason() {
    return stopReason;
  }

  synchronized String stopRequestor() {
    return stopRequestor;
  }

  /** Records the first stop request; later ones do not override it. Returns false if one existed. */
  synchronized boolean requestStop(StopCause cause, String reason, String requestor) {
    if (stopCause != null) {
      return false;
    }
    stopCause = cause;
    stopReason = reason;
    stopRequestor = requestor;
    return true;
  }

  /** What the pod runtime needs to run this job's pod. */
  public PodRequest podRequest() {
    return new PodRequest(id(), queue(), jobSetId(), spec.getOwner(), spec.getNamespace(), spec.getPodSpec(),
        spec.getLabelsMap(), spec.getAnnotationsMap(), spec.getServicesList(), ingress, gang);
  }
}
