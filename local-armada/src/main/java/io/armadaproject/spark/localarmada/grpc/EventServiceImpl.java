package io.armadaproject.spark.localarmada.grpc;

import com.google.protobuf.Empty;
import io.armadaproject.spark.api.EventGrpc;
import io.armadaproject.spark.api.EventStreamMessage;
import io.armadaproject.spark.api.HealthCheckResponse;
import io.armadaproject.spark.api.JobSetRequest;
import io.armadaproject.spark.api.WatchRequest;
import io.armadaproject.spark.localarmada.events.EventStore;
import io.armadaproject.spark.localarmada.events.JobSetEventLog;
import io.armadaproject.spark.localarmada.events.MessageId;
import io.armadaproject.spark.localarmada.queue.QueueRegistry;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/** {@code api.Event}: job set event streams with resume (reference 4.6) and health. */
final class EventServiceImpl extends EventGrpc.EventImplBase {

  private final QueueRegistry queues;
  private final EventStore store;
  private final EventStreams streams;

  EventServiceImpl(QueueRegistry queues, EventStore store, EventStreams streams) {
    this.queues = queues;
    this.store = store;
    this.streams = streams;
  }

  @Override
  public void getJobSetEvents(JobSetRequest request, StreamObserver<EventStreamMessage> response) {
    if (!queues.exists(request.getQueue())) {
      response.onError(Status.NOT_FOUND
          .withDescription("[GetJobSetEvents] Queue " + request.getQueue() + " does not exist").asRuntimeException());
      return;
    }
    MessageId from;
    try {
      from = request.getFromMessageId().isEmpty() ? null : MessageId.parse(request.getFromMessageId());
    } catch (IllegalArgumentException e) {
      response.onError(Status.UNKNOWN.withDescription(e.getMessage()).asRuntimeException());
      return;
    }
    if (request.getErrorIfMissing() && !store.exists(request.getQueue(), request.getId())) {
      response.onError(Status.NOT_FOUND.withDescription("[GetJobSetEvents] Jobset " + request.getId()
          + " for queue " + request.getQueue() + " does not exist").asRuntimeException());
      return;
    }
    JobSetEventLog log = store.log(request.getQueue(), request.getId());
    int position = log.positionAfter(from);
    if (request.getWatch()) {
      streams.watch(log, position, (ServerCallStreamObserver<EventStreamMessage>) response);
      return;
    }
    log.readFrom(position).forEach(response::onNext);
    response.onCompleted();
  }

  @Override
  public void watch(WatchRequest request, StreamObserver<EventStreamMessage> response) {
    getJobSetEvents(JobSetRequest.newBuilder()
        .setId(request.getJobSetId())
        .setQueue(request.getQueue())
        .setFromMessageId(request.getFromId())
        .setWatch(true)
        .setErrorIfMissing(true)
        .build(), response);
  }

  @Override
  public void health(Empty request, StreamObserver<HealthCheckResponse> response) {
    response.onNext(HealthCheckResponse.newBuilder().setStatus(HealthCheckResponse.ServingStatus.SERVING).build());
    response.onCompleted();
  }
}
