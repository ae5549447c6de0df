package io.armadaproject.spark.e2e;

import io.armadaproject.spark.api.EventStreamMessage;
import io.armadaproject.spark.core.events.JobEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A job set as its event stream tells it: every job, its role and the last thing that happened. */
final class JobSetView {
  /** One job of the set. */
  static final class Job {
    final String id;
    final Map<String, String> labels;
    final List<JobEvent.Kind> history = new ArrayList<>();

    Job(String id, Map<String, String> labels) {
      this.id = id;
      this.labels = labels;
    }

    String role() {
      return labels.getOrDefault("spark-role", "?");
    }

    JobEvent.Kind state() {
      return history.get(history.size() - 1);
    }

    @Override
    public String toString() {
      return role() + " " + id + " " + history;
    }
  }

  final Map<String, Job> jobs = new LinkedHashMap<>();

  static JobSetView of(List<EventStreamMessage> events) {
    JobSetView view = new JobSetView();
    for (EventStreamMessage m : events) {
      JobEvent e = JobEvent.of(m);
      if (e.kind() == JobEvent.Kind.SUBMITTED) {
        view.jobs.put(e.jobId(), new Job(e.jobId(), e.labels()));
      }
      Job job = view.jobs.get(e.jobId());
      if (job != null) {
        job.history.add(e.kind());
      }
    }
    return view;
  }

  List<Job> withRole(String role) {
    List<Job> out = new ArrayList<>();
    for (Job j : jobs.values()) {
      if (j.role().equals(role)) {
        out.add(j);
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return jobs.values().toString();
  }
}
