package io.armadaproject.spark.localarmada.grpc;

import com.google.protobuf.Empty;
import io.armadaproject.spark.api.BatchQueueCreateResponse;
import io.armadaproject.spark.api.BatchQueueUpdateResponse;
import io.armadaproject.spark.api.EndMarker;
import io.armadaproject.spark.api.Queue;
import io.armadaproject.spark.api.QueueCreateResponse;
import io.armadaproject.spark.api.QueueDeleteRequest;
import io.armadaproject.spark.api.QueueGetRequest;
import io.armadaproject.spark.api.QueueList;
import io.armadaproject.spark.api.QueueUpdateResponse;
import io.armadaproject.spark.api.StreamingQueueGetRequest;
import io.armadaproject.spark.api.StreamingQueueMessage;
import io.armadaproject.spark.localarmada.queue.QueueException;
import io.armadaproject.spark.localarmada.queue.QueueRegistry;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.List;

/** The queue RPCs, shared by {@code api.Submit} and {@code api.QueueService}. */
final class QueueOperations {

  private final QueueRegistry queues;

  QueueOperations(QueueRegistry queues) {
    this.queues = queues;
  }

  void create(Queue queue, StreamObserver<Empty> response) {
    try {
      queues.create(queue, Principals.ANONYMOUS);
      reply(response, Empty.getDefaultInstance());
    } catch (QueueException e) {
      response.onError(toStatus(e));
    }
  }

  void createAll(QueueList list, StreamObserver<BatchQueueCreateResponse> response) {
    BatchQueueCreateResponse.Builder result = BatchQueueCreateResponse.newBuilder();
    for (Queue queue : list.getQueuesList()) {
      try {
        queues.create(queue, Principals.ANONYMOUS);
      } catch (QueueException e) {
        result.addFailedQueues(QueueCreateResponse.newBuilder().setQueue(queue).setError(e.getMessage()));
      }
    }
    reply(response, result.build());
  }

  void update(Queue queue, StreamObserver<Empty> response) {
    try {
      queues.update(queue);
      reply(response, Empty.getDefaultInstance());
    } catch (QueueException e) {
      response.onError(toStatus(e));
    }
  }

  void updateAll(QueueList list, StreamObserver<BatchQueueUpdateResponse> response) {
    BatchQueueUpdateResponse.Builder result = BatchQueueUpdateResponse.newBuilder();
    for (Queue queue : list.getQueuesList()) {
      try {
        queues.update(queue);
      } catch (QueueException e) {
        result.addFailedQueues(QueueUpdateResponse.newBuilder().setQueue(queue).setError(e.getMessage()));
      }
    }
    reply(response, result.build());
  }

  void delete(QueueDeleteRequest request, StreamObserver<Empty> response) {
    try {
      queues.delete(request.getName());
      reply(response, Empty.getDefaultInstance());
    } catch (QueueException e) {
      response.onError(toStatus(e));
    }
  }

  void get(QueueGetRequest request, StreamObserver<Queue> response) {
    try {
      reply(response, queues.get(request.getName()));
    } catch (QueueException e) {
      response.onError(toStatus(e));
    }
  }

  void getAll(StreamingQueueGetRequest request, StreamObserver<StreamingQueueMessage> response) {
    List<Queue> all = queues.all();
    int limit = request.getNum() == 0 ? all.size() : Math.min(all.size(), request.getNum());
    all.subList(0, limit).forEach(queue -> response.onNext(StreamingQueueMessage.newBuilder().setQueue(queue).build()));
    response.onNext(StreamingQueueMessage.newBuilder().setEnd(EndMarker.getDefaultInstance()).build());
    response.onCompleted();
  }

  private static StatusRuntimeException toStatus(QueueException e) {
    Status status;
    switch (e.kind()) {
      case ALREADY_EXISTS:
        status = Status.ALREADY_EXISTS;
        break;
      case NOT_FOUND:
        status = Status.NOT_FOUND;
        break;
      default:
        status = Status.INVALID_ARGUMENT;
    }
    return status.withDescription(e.getMessage()).asRuntimeException();
  }

  private static <T> void reply(StreamObserver<T> response, T value) {
    response.onNext(value);
    response.onCompleted();
  }
}
