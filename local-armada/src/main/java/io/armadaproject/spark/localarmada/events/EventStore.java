package io.armadaproject.spark.localarmada.events;

import io.armadaproject.spark.api.EventMessage;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** All job set event logs, keyed by (queue, job set id). */
public final class EventStore {

  private record Key(String queue, String jobSetId) {}

  private final ConcurrentMap<Key, JobSetEventLog> logs = new ConcurrentHashMap<>();
  private final Clock clock;

  public EventStore(Clock clock) {
    this.clock = clock;
  }

  /** Appends {@code events} as one entry of the job set's log. */
  public void append(String queue, String jobSetId, List<EventMessage> events) {
    log(queue, jobSetId).append(events, clock.millis());
  }

  /** The job set's log, created empty when nothing was stored yet (readers may wait on it). */
  public JobSetEventLog log(String queue, String jobSetId) {
    return logs.computeIfAbsent(new Key(queue, jobSetId), key -> new JobSetEventLog());
  }

  /** True when the job set has at least one stored event. */
  public boolean exists(String queue, String jobSetId) {
    JobSetEventLog log = logs.get(new Key(queue, jobSetId));
    return log != null && !log.isEmpty();
  }

  /** Wakes every blocked reader (used when streams are being dropped or the server stops). */
  public void wakeAllReaders() {
    logs.values().forEach(JobSetEventLog::wakeReaders);
  }
}
