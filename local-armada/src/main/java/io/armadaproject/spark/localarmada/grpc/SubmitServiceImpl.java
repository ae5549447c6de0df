package io.armadaproject.spark.localarmada.grpc;

import com.google.protobuf.Empty;
import io.armadaproject.spark.api.BatchQueueCreateResponse;
import io.armadaproject.spark.api.BatchQueueUpdateResponse;
import io.armadaproject.spark.api.CancellationResult;
import io.armadaproject.spark.api.HealthCheckResponse;
import io.armadaproject.spark.api.JobCancelRequest;
import io.armadaproject.spark.api.JobPreemptRequest;
import io.armadaproject.spark.api.JobReprioritizeRequest;
import io.armadaproject.spark.api.JobReprioritizeResponse;
import io.armadaproject.spark.api.JobSetCancelRequest;
import io.armadaproject.spark.api.JobState;
import io.armadaproject.spark.api.JobSubmitRequest;
import io.armadaproject.spark.api.JobSubmitResponse;
import io.armadaproject.spark.api.JobSubmitResponseItem;
import io.armadaproject.spark.api.PreemptionResult;
import io.armadaproject.spark.api.Queue;
import io.armadaproject.spark.api.QueueDeleteRequest;
import io.armadaproject.spark.api.QueueGetRequest;
import io.armadaproject.spark.api.QueueList;
import io.armadaproject.spark.api.StreamingQueueGetRequest;
import io.armadaproject.spark.api.StreamingQueueMessage;
import io.armadaproject.spark.api.SubmitGrpc;
import io.armadaproject.spark.localarmada.jobs.JobController;
import io.armadaproject.spark.localarmada.queue.QueueRegistry;
import io.armadaproject.spark.localarmada.submit.SubmitValidator;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code api.Submit}: submission (reference 4.2), cancellation and preemption (4.5), queues, health. */
final class SubmitServiceImpl extends SubmitGrpc.SubmitImplBase {

  private static final int MAX_REASON_BYTES = 50;

  private final QueueRegistry queues;
  private final QueueOperations queueOperations;
  private final SubmitValidator validator;
  private final JobController controller;
  private final ServerStats stats;

  SubmitServiceImpl(QueueRegistry queues, QueueOperations queueOperations, SubmitValidator validator,
      JobController controller, ServerStats stats) {
    this.queues = queues;
    this.queueOperations = queueOperations;
    this.validator = validator;
    this.controller = controller;
    this.stats = stats;
  }

  @Override
  public void submitJobs(JobSubmitRequest request, StreamObserver<JobSubmitResponse> response) {
    stats.submitJobsCalls.incrementAndGet();
    Optional<String> malformed = QuantityDecoding.firstMalformed(request);
    if (malformed.isPresent()) {
      response.onError(Status.INTERNAL.withDescription("grpc: error unmarshalling request: " + malformed.get())
          .asRuntimeException());
      return;
    }
    if (!queues.exists(request.getQueue())) {
      response.onError(Status.PERMISSION_DENIED
          .withDescription("could not find queue \"" + request.getQueue() + "\"").asRuntimeException());
      return;
    }
    Optional<String> invalid = validator.validate(request);
    if (invalid.isPresent()) {
      response.onError(Status.INVALID_ARGUMENT.withDescription(invalid.get()).asRuntimeException());
      return;
    }
    List<String> jobIds = controller.submit(request, Principals.ANONYMOUS);
    JobSubmitResponse.Builder result = JobSubmitResponse.newBuilder();
    jobIds.forEach(id -> result.addJobResponseItems(JobSubmitResponseItem.newBuilder().setJobId(id)));
    reply(response, result.build());
  }

  @Override
  public void cancelJobs(JobCancelRequest request, StreamObserver<CancellationResult> response) {
    stats.cancelCalls.incrementAndGet();
    try {
      checkJobSetCall(request.getReason(), request.getQueue(), request.getJobSetId());
    } catch (StatusRuntimeException e) {
      response.onError(e);
      return;
    }
    Set<String> ids = new LinkedHashSet<>(request.getJobIdsList());
    if (!request.getJobId().isEmpty()) {
      ids.add(request.getJobId());
    }
    if (ids.isEmpty()) {
      controller.cancelJobSet(request.getQueue(), request.getJobSetId(), Set.of(), Principals.ANONYMOUS);
      reply(response, CancellationResult.newBuilder().addCancelledIds("").build());
      return;
    }
    controller.cancel(request.getQueue(), request.getJobSetId(), List.copyOf(ids), Principals.ANONYMOUS);
    reply(response, CancellationResult.newBuilder().addAllCancelledIds(ids).build());
  }

  @Override
  public void cancelJobSet(JobSetCancelRequest request, StreamObserver<Empty> response) {
    stats.cancelCalls.incrementAndGet();
    Set<JobState> states = EnumSet.noneOf(JobState.class);
    request.getFilter().getStatesList().forEach(states::add);
    try {
      checkJobSetCall(request.getReason(), request.getQueue(), request.getJobSetId());
      if (states.contains(JobState.PENDING) != states.contains(JobState.RUNNING)) {
        throw Status.INVALID_ARGUMENT.withDescription(
            "unsupported state combination - state PENDING and RUNNING must always be used together").asRuntimeException();
      }
    } catch (StatusRuntimeException e) {
      response.onError(e);
      return;
    }
    controller.cancelJobSet(request.getQueue(), request.getJobSetId(), states, Principals.ANONYMOUS);
    reply(response, Empty.getDefaultInstance());
  }

  @Override
  public void preemptJobs(JobPreemptRequest request, StreamObserver<PreemptionResult> response) {
    stats.preemptCalls.incrementAndGet();
    try {
      checkJobSetCall(request.getReason(), request.getQueue(), request.getJobSetId());
    } catch (StatusRuntimeException e) {
      response.onError(e);
      return;
    }
    List<String> ids = List.copyOf(new LinkedHashSet<>(request.getJobIdsList()));
    controller.preempt(request.getQueue(), request.getJobSetId(), ids, request.getReason(), Principals.ANONYMOUS);
    PreemptionResult.Builder result = PreemptionResult.newBuilder();
    ids.forEach(id -> result.putPreemptionResults(id, ""));
    reply(response, result.build());
  }

  @Override
  public void reprioritizeJobs(JobReprioritizeRequest request, StreamObserver<JobReprioritizeResponse> response) {
    response.onError(Status.UNIMPLEMENTED.withDescription("local-armada does not support reprioritising jobs")
        .asRuntimeException());
  }

  @Override
  public void health(Empty request, StreamObserver<HealthCheckResponse> response) {
    reply(response, HealthCheckResponse.newBuilder().setStatus(HealthCheckResponse.ServingStatus.SERVING).build());
  }

  @Override
  public void createQueue(Queue request, StreamObserver<Empty> response) {
    queueOperations.create(request, response);
  }

  @Override
  public void createQueues(QueueList request, StreamObserver<BatchQueueCreateResponse> response) {
    queueOperations.createAll(request, response);
  }

  @Override
  public void updateQueue(Queue request, StreamObserver<Empty> response) {
    queueOperations.update(request, response);
  }

  @Override
  public void updateQueues(QueueList request, StreamObserver<BatchQueueUpdateResponse> response) {
    queueOperations.updateAll(request, response);
  }

  @Override
  public void deleteQueue(QueueDeleteRequest request, StreamObserver<Empty> response) {
    queueOperations.delete(request, response);
  }

  @Override
  public void getQueue(QueueGetRequest request, StreamObserver<Queue> response) {
    queueOperations.get(request, response);
  }

  @Override
  public void getQueues(StreamingQueueGetRequest request, StreamObserver<StreamingQueueMessage> response) {
    queueOperations.getAll(request, response);
  }

  /** Reason length, non-empty queue and job set, known queue (reference 4.5 steps 1, 3 and 4). */
  private void checkJobSetCall(String reason, String queue, String jobSetId) {
    byte[] reasonBytes = reason.getBytes(StandardCharsets.UTF_8);
    if (reasonBytes.length > MAX_REASON_BYTES) {
      String head = new String(Arrays.copyOf(reasonBytes, MAX_REASON_BYTES), StandardCharsets.UTF_8);
      throw invalidField(head + "...", "Reason", "reason cannot be longer than " + MAX_REASON_BYTES + " bytes");
    }
    if (queue.isEmpty()) {
      throw invalidField("", "Queue", "queue cannot be empty");
    }
    if (jobSetId.isEmpty()) {
      throw invalidField("", "JobSetId", "jobset cannot be empty");
    }
    if (!queues.exists(queue)) {
      throw Status.UNKNOWN.withDescription("could not find queue \"" + queue + "\"").asRuntimeException();
    }
  }

  private static StatusRuntimeException invalidField(String value, String field, String problem) {
    return Status.INVALID_ARGUMENT
        .withDescription("value \"" + value + "\" is invalid for field \"" + field + "\": " + problem)
        .asRuntimeException();
  }

  private static <T> void reply(StreamObserver<T> response, T value) {
    response.onNext(value);
    response.onCompleted();
  }
}
