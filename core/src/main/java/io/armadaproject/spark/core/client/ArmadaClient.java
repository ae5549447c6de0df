package io.armadaproject.spark.core.client;

import com.google.protobuf.Empty;
import io.armadaproject.spark.api.CancellationResult;
import io.armadaproject.spark.api.EventGrpc;
import io.armadaproject.spark.api.EventStreamMessage;
import io.armadaproject.spark.api.HealthCheckResponse;
import io.armadaproject.spark.api.JobCancelRequest;
import io.armadaproject.spark.api.JobSetRequest;
import io.armadaproject.spark.api.JobSubmitRequest;
import io.armadaproject.spark.api.JobSubmitRequestItem;
import io.armadaproject.spark.api.SubmitGrpc;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client of Armada's gRPC API for what Spark needs: health, submit, cancel and job-set event watches.
 * Thread-safe; one channel per client. Close it to release the channel and stop its watches.
 */
public final class ArmadaClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ArmadaClient.class);

  /** Armada rejects cancel reasons longer than this many UTF-8 bytes. */
  public static final int MAX_REASON_BYTES = 50;

  private static final long CLOSE_MILLIS = 5_000;

  private final ArmadaEndpoint endpoint;
  private final ArmadaClientOptions options;
  private final ManagedChannel channel;
  private final SubmitGrpc.SubmitBlockingStub submitStub;
  private final EventGrpc.EventBlockingStub eventStub;
  private final List<JobSetWatch> watches = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  private ArmadaClient(ArmadaEndpoint endpoint, ManagedChannel channel, ArmadaClientOptions options) {
    this.endpoint = endpoint;
    this.options = options;
    this.channel = channel;
    SubmitGrpc.SubmitBlockingStub submit = SubmitGrpc.newBlockingStub(channel);
    EventGrpc.EventBlockingStub event = EventGrpc.newBlockingStub(channel);
    if (options.tokenSupplier().isPresent()) {
      BearerTokenCredentials credentials = new BearerTokenCredentials(options.tokenSupplier().get());
      submit = submit.withCallCredentials(credentials);
      event = event.withCallCredentials(credentials);
    }
    this.submitStub = submit;
    this.eventStub = event;
  }

  /**
   * Opens a channel to {@code endpoint}. Connecting is lazy: nothing is sent until the first call, so
   * follow with {@link #checkHealth(Duration)} to fail early.
   */
  public static ArmadaClient connect(ArmadaEndpoint endpoint, ArmadaClientOptions options) {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(options, "options");
    LOG.debug("Connecting to Armada at {} ({})", endpoint, options);
    return new ArmadaClient(endpoint, ChannelFactory.create(endpoint, options), options);
  }

  /**
   * A client over a channel built elsewhere (an in-process channel in tests, say); the client owns the
   * channel and shuts it down on {@link #close()}. {@code endpoint} only names the target in messages.
   */
  public static ArmadaClient forChannel(
      ArmadaEndpoint endpoint, ManagedChannel channel, ArmadaClientOptions options) {
    return new ArmadaClient(
        Objects.requireNonNull(endpoint, "endpoint"),
        Objects.requireNonNull(channel, "channel"),
        Objects.requireNonNull(options, "options"));
  }

  public ArmadaEndpoint endpoint() {
    return endpoint;
  }

  /**
   * Calls {@code api.Submit/Health} with {@code timeout} as deadline. Returns when Armada answers
   * SERVING; otherwise (unreachable, no answer in time, an error, another status) throws {@link
   * ArmadaUnavailableException} naming the endpoint, the reason and what to check.
   */
  public void checkHealth(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    HealthCheckResponse response;
    try {
      response = submitStub
          .withDeadlineAfter(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS)
          .health(Empty.getDefaultInstance());
    } catch (StatusRuntimeException e) {
      throw Failures.unavailable(endpoint, timeout, e);
    }
    if (response.getStatus() != HealthCheckResponse.ServingStatus.SERVING) {
      throw Failures.notServing(endpoint, response.getStatus().name());
    }
    LOG.debug("Armada at {} is serving", endpoint);
  }

  /**
   * Submits {@code items} to {@code queue} / {@code jobSetId} in as few {@code SubmitJobs} calls as
   * possible (at most 200 items and about 4 MiB per call) and returns the job ids in item order.
   *
   * @throws ArmadaSubmitException when a call fails; it carries the ids of the jobs accepted before
   */
  public List<String> submitJobs(String queue, String jobSetId, List<JobSubmitRequestItem> items) {
    requireText(queue, "queue");
    requireText(jobSetId, "jobSetId");
    Objects.requireNonNull(items, "items");
    List<String> accepted = new ArrayList<>(items.size());
    int offset = 0;
    for (List<JobSubmitRequestItem> batch : SubmitBatches.split(items)) {
      JobSubmitRequest request = JobSubmitRequest.newBuilder()
          .setQueue(queue)
          .setJobSetId(jobSetId)
          .addAllJobRequestItems(batch)
          .build();
      List<String> ids;
      try {
        ids = Failures.jobIds(submitStub.withDeadlineAfter(callTimeoutMillis(), TimeUnit.MILLISECONDS)
            .submitJobs(request));
      } catch (StatusRuntimeException e) {
        throw Failures.submitRejected(endpoint, queue, jobSetId, offset, batch.size(), items.size(), e, accepted);
      }
      Failures.checkSubmitResponse(endpoint, queue, jobSetId, offset, batch.size(), items.size(), ids, accepted);
      accepted.addAll(ids);
      offset += batch.size();
      LOG.debug("Armada accepted {} job(s) in queue {}, job set {} ({} of {})",
          batch.size(), queue, jobSetId, offset, items.size());
    }
    return Collections.unmodifiableList(accepted);
  }

  /**
   * Cancels the given jobs with one {@code CancelJobs} call and returns the ids Armada reports as
   * cancelled. An empty (or all-blank) collection sends nothing and returns an empty list: Armada
   * would otherwise cancel the whole job set. {@code reason} is cut to 50 UTF-8 bytes.
   */
  public List<String> cancelJobs(String queue, String jobSetId, Collection<String> jobIds, String reason) {
    requireText(queue, "queue");
    requireText(jobSetId, "jobSetId");
    Set<String> ids = new LinkedHashSet<>();
    if (jobIds != null) {
      for (String id : jobIds) {
        if (id != null && !id.trim().isEmpty()) {
          ids.add(id.trim());
        }
      }
    }
    if (ids.isEmpty()) {
      return List.of();
    }
    JobCancelRequest request = JobCancelRequest.newBuilder()
        .setQueue(queue)
        .setJobSetId(jobSetId)
        .addAllJobIds(ids)
        .setReason(Utf8.truncate(reason, MAX_REASON_BYTES))
        .build();
    try {
      CancellationResult result = submitStub
          .withDeadlineAfter(callTimeoutMillis(), TimeUnit.MILLISECONDS)
          .cancelJobs(request);
      LOG.debug("Armada cancelled {} of {} job(s) in job set {}", result.getCancelledIdsCount(), ids.size(), jobSetId);
      return List.copyOf(result.getCancelledIdsList());
    } catch (StatusRuntimeException e) {
      throw Failures.callFailed(endpoint, "CancelJobs for " + ids.size() + " job(s) in queue " + queue
          + ", job set " + jobSetId, e);
    }
  }

  /**
   * Starts watching the events of a job set on a daemon thread; see {@link JobSetWatch}. Delivery
   * starts strictly after {@code fromMessageId} (null or empty: from the first event).
   */
  public JobSetWatch watchJobSet(
      String queue, String jobSetId, String fromMessageId, JobSetEventListener listener) {
    requireText(queue, "queue");
    requireText(jobSetId, "jobSetId");
    Objects.requireNonNull(listener, "listener");
    if (closed) {
      throw new IllegalStateException("The Armada client for " + endpoint + " is closed");
    }
    Backoff backoff = new Backoff(options.watchInitialBackoff(), options.watchMaxBackoff());
    JobSetWatch watch =
        new JobSetWatch(eventStub, queue, jobSetId, fromMessageId, listener, backoff, watches::remove);
    watches.add(watch);
    watch.start();
    return watch;
  }

  /** Every event of the job set stored now ({@code watch=false}), in order. Empty when none exist. */
  public List<EventStreamMessage> readJobSet(String queue, String jobSetId) {
    return readJobSet(queue, jobSetId, null);
  }

  /** Like {@link #readJobSet(String, String)}, only the events strictly after {@code fromMessageId}. */
  public List<EventStreamMessage> readJobSet(String queue, String jobSetId, String fromMessageId) {
    requireText(queue, "queue");
    requireText(jobSetId, "jobSetId");
    JobSetRequest request = JobSetRequest.newBuilder()
        .setId(jobSetId)
        .setQueue(queue)
        .setWatch(false)
        .setErrorIfMissing(false)
        .setFromMessageId(fromMessageId == null ? "" : fromMessageId)
        .build();
    List<EventStreamMessage> events = new ArrayList<>();
    try {
      Iterator<EventStreamMessage> it = eventStub
          .withDeadlineAfter(callTimeoutMillis(), TimeUnit.MILLISECONDS)
          .getJobSetEvents(request);
      while (it.hasNext()) {
        events.add(it.next());
      }
    } catch (StatusRuntimeException e) {
      throw Failures.callFailed(endpoint, "GetJobSetEvents for queue " + queue + ", job set " + jobSetId, e);
    }
    return events;
  }

  /** Stops every watch, shuts the channel down and waits up to 5 s before forcing it. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_MILLIS);
    List<JobSetWatch> open = new ArrayList<>(watches);
    open.forEach(JobSetWatch::requestClose);
    open.forEach(w -> w.awaitStop(deadline));
    channel.shutdown();
    try {
      long left = Math.max(1, deadline - System.nanoTime());
      if (!channel.awaitTermination(left, TimeUnit.NANOSECONDS)) {
        LOG.warn("Channel to {} did not terminate in time; forcing it closed", endpoint);
        channel.shutdownNow();
      }
    } catch (InterruptedException e) {
      channel.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  public boolean isClosed() {
    return closed;
  }

  private long callTimeoutMillis() {
    return options.callTimeout().toMillis();
  }

  private static void requireText(String value, String name) {
    if (value == null || value.trim().isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
  }

  @Override
  public String toString() {
    return "ArmadaClient{endpoint=" + endpoint + ", auth=" + (options.hasToken() ? "bearer" : "none")
        + ", closed=" + closed + "}";
  }
}
