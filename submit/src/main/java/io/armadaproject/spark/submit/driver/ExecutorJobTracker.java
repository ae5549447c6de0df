package io.armadaproject.spark.submit.driver;

import io.armadaproject.spark.core.events.JobEvent;
import io.armadaproject.spark.submit.SparkLabels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The executor jobs of one Spark application, as seen on its Armada job set's event stream. Jobs
 * of other applications sharing the job set are ignored (they carry another app selector). Each
 * job's terminal event is applied once, however often Armada repeats it.
 */
public final class ExecutorJobTracker {
  /** Called when an executor job reaches a terminal state for the first time. */
  public interface TerminalListener {
    /** {@code preempted}: Armada preempted the job first (it then reports it failed). */
    void onExecutorJobEnded(String executorId, String jobId, JobEvent event, boolean preempted);

    default void onExecutorJobRunning(String executorId) {}

    /** Armada is about to preempt the job: time to hand its work over. */
    default void onExecutorJobPreempting(String executorId, String reason) {}
  }

  private final String appId;
  private final TerminalListener listener;
  private final Map<String, String> executorIdByJob = new ConcurrentHashMap<>();
  private final Map<String, String> jobByExecutorId = new ConcurrentHashMap<>();
  private final Map<String, JobEvent.Kind> stateByJob = new ConcurrentHashMap<>();
  private final Object terminalLock = new Object();

  public ExecutorJobTracker(String appId, TerminalListener listener) {
    this.appId = appId;
    this.listener = listener;
  }

  public void onEvent(JobEvent event) {
    if (event.kind() == JobEvent.Kind.SUBMITTED) {
      Map<String, String> labels = event.labels();
      if (SparkLabels.ROLE_EXECUTOR.equals(labels.get(SparkLabels.ROLE))
          && appId.equals(labels.get(SparkLabels.APP_SELECTOR))) {
        String executorId = labels.getOrDefault(SparkLabels.EXEC_ID, "?");
        executorIdByJob.put(event.jobId(), executorId);
        jobByExecutorId.put(executorId, event.jobId());
        stateByJob.putIfAbsent(event.jobId(), JobEvent.Kind.SUBMITTED);
      }
      return;
    }
    String executorId = executorIdByJob.get(event.jobId());
    if (executorId == null) {
      return;
    }
    boolean preemptedBefore;
    synchronized (terminalLock) {
      JobEvent.Kind current = stateByJob.get(event.jobId());
      if (current != null && current.isTerminal()) {
        return; // applied already
      }
      preemptedBefore = current == JobEvent.Kind.PREEMPTING || current == JobEvent.Kind.PREEMPTED;
      if (event.kind().isTerminal() || !preemptedBefore) { // a preempted job stays marked until it ends
        stateByJob.put(event.jobId(), event.kind());
      }
    }
    if (event.kind().isTerminal()) {
      // Armada reports a preempted job failed; some versions only say so in the failure's reason
      boolean preempted = preemptedBefore || event.reason().contains("Preempted");
      listener.onExecutorJobEnded(executorId, event.jobId(), event, preempted);
    } else if (event.kind() == JobEvent.Kind.RUNNING) {
      listener.onExecutorJobRunning(executorId);
    } else if (event.kind() == JobEvent.Kind.PREEMPTING && !preemptedBefore) {
      listener.onExecutorJobPreempting(executorId, event.reason());
    }
  }

  /** Executor jobs Armada has not reported as ended. */
  public List<String> activeJobIds() {
    List<String> out = new ArrayList<>();
    stateByJob.forEach((job, state) -> {
      if (!state.isTerminal()) {
        out.add(job);
      }
    });
    return out;
  }

  /** Executor jobs running now. */
  public int runningCount() {
    int n = 0;
    for (JobEvent.Kind state : stateByJob.values()) {
      if (state == JobEvent.Kind.RUNNING) {
        n++;
      }
    }
    return n;
  }

  /** Executor jobs that have not started running yet (queued, leased or pending). */
  public List<String> notYetRunningJobIds() {
    List<String> out = new ArrayList<>();
    stateByJob.forEach((job, state) -> {
      if (!state.isTerminal() && state.ordinal() < JobEvent.Kind.RUNNING.ordinal()) {
        out.add(job);
      }
    });
    return out;
  }

  /** The Armada job of a Spark executor id, if known. */
  public String jobIdOf(String executorId) {
    return jobByExecutorId.get(executorId);
  }

  public int knownExecutorJobs() {
    return executorIdByJob.size();
  }

  public JobEvent.Kind stateOf(String jobId) {
    return stateByJob.get(jobId);
  }
}
