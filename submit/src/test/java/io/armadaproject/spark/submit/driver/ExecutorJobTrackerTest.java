package io.armadaproject.spark.submit.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.armadaproject.spark.api.EventMessage;
import io.armadaproject.spark.api.EventStreamMessage;
import io.armadaproject.spark.api.Job;
import io.armadaproject.spark.api.JobCancelledEvent;
import io.armadaproject.spark.api.JobFailedEvent;
import io.armadaproject.spark.api.JobPreemptedEvent;
import io.armadaproject.spark.api.JobPreemptingEvent;
import io.armadaproject.spark.api.JobRunningEvent;
import io.armadaproject.spark.api.JobSubmittedEvent;
import io.armadaproject.spark.api.JobSucceededEvent;
import io.armadaproject.spark.core.events.JobEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutorJobTrackerTest {
  private final List<String> ended = new ArrayList<>();
  private final ExecutorJobTracker tracker =
      new ExecutorJobTracker("app-1", (exec, job, event, preempted) -> ended.add(exec + ":" + event.kind()
          + (preempted ? ":preempted" : "")));
  private int seq;

  @Test
  void tracksOnlyThisApplicationsExecutorJobs() {
    feed(submitted("j1", "app-1", "executor", "1"));
    feed(submitted("d1", "app-1", "driver", null));
    feed(submitted("x1", "other-app", "executor", "1"));
    assertThat(tracker.knownExecutorJobs()).isEqualTo(1);
    assertThat(tracker.jobIdOf("1")).isEqualTo("j1");
    assertThat(tracker.activeJobIds()).containsExactly("j1");
  }

  @Test
  void appliesEachTerminalEventOnce() {
    feed(submitted("j1", "app-1", "executor", "1"));
    feed(EventMessage.newBuilder().setRunning(JobRunningEvent.newBuilder().setJobId("j1")).build());
    feed(EventMessage.newBuilder().setFailed(JobFailedEvent.newBuilder().setJobId("j1").setReason("OOM")).build());
    feed(EventMessage.newBuilder().setCancelled(JobCancelledEvent.newBuilder().setJobId("j1")).build());
    feed(EventMessage.newBuilder().setFailed(JobFailedEvent.newBuilder().setJobId("j1")).build());
    assertThat(ended).containsExactly("1:FAILED");
    assertThat(tracker.stateOf("j1")).isEqualTo(JobEvent.Kind.FAILED);
    assertThat(tracker.activeJobIds()).isEmpty();
  }

  @Test
  void tellsQueuedExecutorsFromRunningOnes() {
    feed(submitted("j1", "app-1", "executor", "1"));
    feed(submitted("j2", "app-1", "executor", "2"));
    feed(EventMessage.newBuilder().setRunning(JobRunningEvent.newBuilder().setJobId("j1")).build());
    assertThat(tracker.notYetRunningJobIds()).containsExactly("j2");
    assertThat(tracker.activeJobIds()).containsExactlyInAnyOrder("j1", "j2");
  }

  @Test
  void aFailureAfterAPreemptionIsAPreemption() {
    feed(submitted("j1", "app-1", "executor", "1"));
    feed(submitted("j2", "app-1", "executor", "2"));
    feed(EventMessage.newBuilder().setRunning(JobRunningEvent.newBuilder().setJobId("j1")).build());
    feed(EventMessage.newBuilder().setPreempting(JobPreemptingEvent.newBuilder().setJobId("j1")).build());
    feed(EventMessage.newBuilder().setPreempted(JobPreemptedEvent.newBuilder().setJobId("j1")).build());
    feed(EventMessage.newBuilder().setFailed(JobFailedEvent.newBuilder().setJobId("j1").setReason("Preempted")).build());
    feed(EventMessage.newBuilder().setFailed(JobFailedEvent.newBuilder().setJobId("j2").setReason("exit 1")).build());
    assertThat(ended).containsExactly("1:FAILED:preempted", "2:FAILED");
  }

  @Test
  void ignoresEventsOfJobsItDoesNotKnow() {
    feed(EventMessage.newBuilder().setSucceeded(JobSucceededEvent.newBuilder().setJobId("zz")).build());
    assertThat(ended).isEmpty();
  }

  private void feed(EventMessage m) {
    tracker.onEvent(JobEvent.of(EventStreamMessage.newBuilder().setId("1:" + (seq++) + ":0:1").setMessage(m).build()));
  }

  private static EventMessage submitted(String jobId, String app, String role, String execId) {
    Job.Builder job = Job.newBuilder().setId(jobId).putLabels("spark-app-selector", app).putLabels("spark-role", role);
    if (execId != null) {
      job.putLabels("spark-exec-id", execId);
    }
    return EventMessage.newBuilder().setSubmitted(JobSubmittedEvent.newBuilder().setJobId(jobId).setJob(job)).build();
  }
}
