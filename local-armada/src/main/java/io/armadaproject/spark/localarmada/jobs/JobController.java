package io.armadaproject.spark.localarmada.jobs;

import com.google.protobuf.Timestamp;
import io.armadaproject.spark.api.Cause;
import io.armadaproject.spark.api.EventMessage;
import io.armadaproject.spark.api.JobState;
import io.armadaproject.spark.api.JobSubmitRequest;
import io.armadaproject.spark.api.JobSubmitRequestItem;
import io.armadaproject.spark.localarmada.events.EventStore;
import io.armadaproject.spark.localarmada.pods.PodInfo;
import io.armadaproject.spark.localarmada.pods.PodListener;
import io.armadaproject.spark.localarmada.pods.PodOutcome;
import io.armadaproject.spark.localarmada.pods.PodRuntime;
import io.armadaproject.spark.localarmada.pods.ServiceNames;
import io.armadaproject.spark.localarmada.queue.QueueRegistry;
import io.armadaproject.spark.localarmada.util.Resources;
import io.armadaproject.spark.localarmada.util.Ulids;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job state machine. Owns every job, the queue of jobs waiting for resources and the resources in use;
 * turns submissions, cancellations, preemptions, scheduling decisions and pod progress into state changes
 * and events, in Armada's order (reference 4.7). All methods run under this object's lock.
 */
public final class JobController implements PodListener {

  private static final Logger LOG = LoggerFactory.getLogger(JobController.class);
  private static final String DEFAULT_PREEMPTION_REASON = "Preempted - preemption requested via API";

  private final EventStore events;
  private final QueueRegistry queues;
  private final JobFactory factory;
  private final PodRuntime pods;
  private final Clock clock;
  private final Resources capacity;
  private final Ulids ids = new Ulids();
  private final Map<String, LocalJob> jobs = new LinkedHashMap<>();
  private final Map<String, String> jobIdByClientId = new HashMap<>();
  private final TreeSet<LocalJob> queued = new TreeSet<>(LocalJob.SCHEDULING_ORDER);
  private final Set<String> startedGangs = new HashSet<>();
  private Resources used = Resources.ZERO;
  private long nextSequence;
  private boolean leasingPaused;
  private Runnable wakeScheduler = () -> {};

  public JobController(EventStore events, QueueRegistry queues, JobFactory factory, PodRuntime pods, Clock clock,
      Resources capacity) {
    this.events = events;
    this.queues = queues;
    this.factory = factory;
    this.pods = pods;
    this.clock = clock;
    this.capacity = capacity;
  }

  /** Called whenever scheduling may have become possible. */
  public synchronized void onSchedulingChange(Runnable wake) {
    this.wakeScheduler = wake;
  }

  /**
   * Accepts a validated request: one new job per item, except items whose (queue, client_id) was seen before,
   * which get the original id and no events. All new jobs' submitted+queued events form one log entry.
   */
  public synchronized List<String> submit(JobSubmitRequest request, String owner) {
    Instant now = clock.instant();
    Timestamp created = timestamp(now);
    List<String> responseIds = new ArrayList<>();
    List<LocalJob> accepted = new ArrayList<>();
    List<EventMessage> submittedEvents = new ArrayList<>();
    Map<String, String> newClientIds = new HashMap<>();
    for (JobSubmitRequestItem item : request.getJobRequestItemsList()) {
      String clientKey = request.getQueue() + "\u0000" + item.getClientId();
      if (!item.getClientId().isEmpty() && jobIdByClientId.containsKey(clientKey)) {
        responseIds.add(jobIdByClientId.get(clientKey));
        continue;
      }
      LocalJob job = factory.create(request, item, ids.next(), nextSequence++, now, owner);
      accepted.add(job);
      responseIds.add(job.id());
      submittedEvents.add(JobEvents.submitted(job, created));
      submittedEvents.add(JobEvents.queued(job, created));
      if (!item.getClientId().isEmpty()) {
        newClientIds.putIfAbsent(clientKey, job.id());
      }
    }
    events.append(request.getQueue(), request.getJobSetId(), submittedEvents);
    for (LocalJob job : accepted) {
      jobs.put(job.id(), job);
      queued.add(job);
    }
    jobIdByClientId.putAll(newClientIds);
    LOG.info("queue {} job set {}: accepted {} job(s) {}", request.getQueue(), request.getJobSetId(), accepted.size(),
        accepted.stream().map(LocalJob::id).toList());
    wakeScheduler.run();
    return responseIds;
  }

  /** Cancels jobs by id: a cancelling event for every id, then the cancellation of those still live. */
  public synchronized void cancel(String queue, String jobSetId, List<String> jobIds, String requestor) {
    Timestamp now = timestamp(clock.instant());
    events.append(queue, jobSetId,
        jobIds.stream().map(id -> JobEvents.cancelling(queue, jobSetId, id, requestor, now)).toList());
    for (String id : jobIds) {
      LocalJob job = jobs.get(id);
      if (job != null && job.queue().equals(queue) && job.jobSetId().equals(jobSetId) && !job.isTerminal()) {
        stop(job, LocalJob.StopCause.CANCEL, "", requestor);
      }
    }
  }

  /** Cancels the live jobs of a job set in the given states (empty = all live jobs): cancelling, cancelled. */
  public synchronized void cancelJobSet(String queue, String jobSetId, Set<JobState> states, String requestor) {
    Timestamp now = timestamp(clock.instant());
    for (LocalJob job : jobsOf(queue, jobSetId)) {
      if (job.isTerminal() || !matches(job.state(), states)) {
        continue;
      }
      events.append(queue, jobSetId, List.of(JobEvents.cancelling(queue, jobSetId, job.id(), requestor, now)));
      stop(job, LocalJob.StopCause.CANCEL, "", requestor);
    }
  }

  /** Preempts jobs by id: a preempting event for every id; jobs with a run are then preempted and failed. */
  public synchronized void preempt(String queue, String jobSetId, List<String> jobIds, String reason, String requestor) {
    Timestamp now = timestamp(clock.instant());
    events.append(queue, jobSetId,
        jobIds.stream().map(id -> JobEvents.preempting(queue, jobSetId, id, requestor, reason, now)).toList());
    for (String id : jobIds) {
      LocalJob job = jobs.get(id);
      if (job != null && job.queue().equals(queue) && job.jobSetId().equals(jobSetId) && job.hasRun()) {
        stop(job, LocalJob.StopCause.PREEMPT, reason.isEmpty() ? DEFAULT_PREEMPTION_REASON : reason, requestor);
      }
    }
  }

  /** Fault injection: fails a live job with {@code reason}. False when the job is unknown or already over. */
  public synchronized boolean fail(String jobId, String reason) {
    LocalJob job = jobs.get(jobId);
    if (job == null || job.isTerminal()) {
      return false;
    }
    stop(job, LocalJob.StopCause.FAIL, reason, "local-armada");
    return true;
  }

  /** Fault injection: while paused no queued job is leased. */
  public synchronized void setLeasingPaused(boolean paused) {
    leasingPaused = paused;
    wakeScheduler.run();
  }

  /** Leases what fits now and rejects what never can; starts the leased jobs' pods. */
  public synchronized void scheduleOnce() {
    if (leasingPaused || queued.isEmpty()) {
      return;
    }
    List<LocalJob> candidates = queued.stream().filter(job -> !queues.isCordoned(job.queue())).toList();
    GangAdmission.Decision decision = GangAdmission.decide(candidates, capacity.minus(used), capacity, startedGangs);
    Timestamp now = timestamp(clock.instant());
    decision.rejections().forEach((job, reason) -> {
      queued.remove(job);
      job.setState(JobState.REJECTED);
      LOG.info("job {} rejected: {}", job.id(), reason);
      append(job, JobEvents.failed(job, reason, Cause.Rejected, List.of(), null, now));
    });
    for (LocalJob job : decision.leases()) {
      queued.remove(job);
      used = used.plus(job.request());
      if (job.gangKey() != null && job.gang().isRealGang()) {
        startedGangs.add(job.gangKey());
      }
      job.setState(JobState.LEASED);
      append(job, JobEvents.leased(job, now));
      pods.start(job.podRequest(), this);
    }
  }

  @Override
  public synchronized void podPending(String jobId, PodInfo pod) {
    LocalJob job = jobs.get(jobId);
    job.setPod(pod);
    if (job.stopCause() == null && job.state() == JobState.LEASED) {
      job.setState(JobState.PENDING);
      append(job, JobEvents.pending(job, pod, timestamp(clock.instant())));
    }
  }

  @Override
  public synchronized void podRunning(String jobId, PodInfo pod) {
    LocalJob job = jobs.get(jobId);
    if (job.stopCause() != null || job.state() != JobState.PENDING) {
      return;
    }
    job.setState(JobState.RUNNING);
    Timestamp now = timestamp(clock.instant());
    append(job, JobEvents.running(job, pod, now));
    Map<Integer, String> addresses = new TreeMap<>();
    ServiceNames.of(job.podRequest()).stream()
        .filter(service -> service.type() == ServiceNames.ServiceType.NODE_PORT)
        .forEach(service -> service.ports().forEach(port -> addresses.put(port, pod.ip() + ":" + port)));
    if (!addresses.isEmpty()) {
      append(job, JobEvents.ingressInfo(job, pod, addresses, now));
    }
  }

  @Override
  public synchronized void podFinished(String jobId, PodOutcome outcome) {
    LocalJob job = jobs.get(jobId);
    used = used.minus(job.request());
    outcome.containerStatuses().forEach(status -> job.recordExitCode(status.getName(), status.getExitCode()));
    Timestamp now = timestamp(clock.instant());
    LocalJob.StopCause cause = job.stopCause();
    if (cause == LocalJob.StopCause.CANCEL) {
      job.setState(JobState.CANCELLED);
      append(job, JobEvents.cancelled(job, job.stopRequestor(), now));
    } else if (cause == LocalJob.StopCause.PREEMPT) {
      job.setState(JobState.PREEMPTED);
      events.append(job.queue(), job.jobSetId(), List.of(
          JobEvents.preempted(job, job.stopReason(), job.stopRequestor(), now),
          JobEvents.failed(job, job.stopReason(), Cause.Error, List.of(), null, now)));
    } else if (cause == LocalJob.StopCause.FAIL) {
      job.setState(JobState.FAILED);
      append(job, JobEvents.failed(job, job.stopReason(), Cause.Error, outcome.containerStatuses(), job.pod(), now));
    } else if (outcome.succeeded()) {
      job.setState(JobState.SUCCEEDED);
      append(job, JobEvents.succeeded(job, now));
    } else {
      job.setState(JobState.FAILED);
      append(job, JobEvents.failed(job, outcome.reason(), Cause.Error, outcome.containerStatuses(), job.pod(), now));
    }
    LOG.info("job {} ended: {}", jobId, job.state());
    wakeScheduler.run();
  }

  /** Jobs of one job set (or all jobs when both are empty), in submission order. */
  public synchronized List<LocalJob> jobsOf(String queue, String jobSetId) {
    return jobs.values().stream()
        .filter(job -> queue.isEmpty() || job.queue().equals(queue))
        .filter(job -> jobSetId.isEmpty() || job.jobSetId().equals(jobSetId))
        .toList();
  }

  public synchronized int jobCount() {
    return jobs.size();
  }

  /** Stops a live job for {@code cause}: queued jobs end at once, jobs with a pod once the pod is gone. */
  private void stop(LocalJob job, LocalJob.StopCause cause, String reason, String requestor) {
    if (job.state() == JobState.QUEUED) {
      queued.remove(job);
      Timestamp now = timestamp(clock.instant());
      if (cause == LocalJob.StopCause.CANCEL) {
        job.setState(JobState.CANCELLED);
        append(job, JobEvents.cancelled(job, requestor, now));
      } else if (cause == LocalJob.StopCause.FAIL) {
        job.setState(JobState.FAILED);
        append(job, JobEvents.failed(job, reason, Cause.Error, List.of(), null, now));
      }
      wakeScheduler.run();
      return;
    }
    if (job.requestStop(cause, reason, requestor)) {
      pods.stop(job.id(), PodRuntime.graceOf(job.podRequest()));
    }
  }

  private static boolean matches(JobState state, Set<JobState> filter) {
    if (filter.isEmpty()) {
      return true;
    }
    boolean running = state == JobState.LEASED || state == JobState.PENDING || state == JobState.RUNNING;
    boolean wantsRunning = filter.contains(JobState.PENDING) || filter.contains(JobState.RUNNING);
    boolean wantsQueued = filter.stream().anyMatch(s -> s != JobState.PENDING && s != JobState.RUNNING);
    return running ? wantsRunning : wantsQueued;
  }

  private void append(LocalJob job, EventMessage event) {
    events.append(job.queue(), job.jobSetId(), List.of(event));
  }

  private static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }
}
