package io.armadaproject.spark.localarmada.grpc;

import com.google.protobuf.Empty;
import io.armadaproject.spark.api.BatchQueueCreateResponse;
import io.armadaproject.spark.api.BatchQueueUpdateResponse;
import io.armadaproject.spark.api.Queue;
import io.armadaproject.spark.api.QueueDeleteRequest;
import io.armadaproject.spark.api.QueueGetRequest;
import io.armadaproject.spark.api.QueueList;
import io.armadaproject.spark.api.QueueServiceGrpc;
import io.armadaproject.spark.api.StreamingQueueGetRequest;
import io.armadaproject.spark.api.StreamingQueueMessage;
import io.grpc.stub.StreamObserver;

/** {@code api.QueueService}. */
final class QueueServiceImpl extends QueueServiceGrpc.QueueServiceImplBase {

  private final QueueOperations operations;

  QueueServiceImpl(QueueOperations operations) {
    this.operations = operations;
  }

  @Override
  public void createQueue(Queue request, StreamObserver<Empty> response) {
    operations.create(request, response);
  }

  @Override
  public void createQueues(QueueList request, StreamObserver<BatchQueueCreateResponse> response) {
    operations.createAll(request, response);
  }

  @Override
  public void updateQueue(Queue request, StreamObserver<Empty> response) {
    operations.update(request, response);
  }

  @Override
  public void updateQueues(QueueList request, StreamObserver<BatchQueueUpdateResponse> response) {
    operations.updateAll(request, response);
  }

  @Override
  public void deleteQueue(QueueDeleteRequest request, StreamObserver<Empty> response) {
    operations.delete(request, response);
  }

  @Override
  public void getQueue(QueueGetRequest request, StreamObserver<Queue> response) {
    operations.get(request, response);
  }

  @Override
  public void getQueues(StreamingQueueGetRequest request, StreamObserver<StreamingQueueMessage> response) {
    operations.getAll(request, response);
  }
}
