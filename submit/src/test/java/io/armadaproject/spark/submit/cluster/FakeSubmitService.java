package io.armadaproject.spark.submit.cluster;

import com.google.protobuf.Empty;
import io.armadaproject.spark.api.CancellationResult;
import io.armadaproject.spark.api.HealthCheckResponse;
import io.armadaproject.spark.api.JobCancelRequest;
import io.armadaproject.spark.api.JobSubmitRequest;
import io.armadaproject.spark.api.JobSubmitRequestItem;
import io.armadaproject.spark.api.JobSubmitResponse;
import io.armadaproject.spark.api.JobSubmitResponseItem;
import io.armadaproject.spark.api.SubmitGrpc;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test double of Armada's Submit service: healthy, de-duplicates by client id like Armada, and can
 * fail the first {@code failures} calls with a status after storing their jobs (a lost answer).
 */
public final class FakeSubmitService extends SubmitGrpc.SubmitImplBase {
  final List<JobSubmitRequest> requests = new ArrayList<>();
  /** Job ids of every CancelJobs call, in order. */
  public final List<String> cancelled = new java.util.concurrent.CopyOnWriteArrayList<>();
  final Map<String, String> jobIdByClientId = new HashMap<>();
  int failures;
  Status failWith = Status.UNAVAILABLE;

  @Override
  public void health(Empty request, StreamObserver<HealthCheckResponse> response) {
    response.onNext(HealthCheckResponse.newBuilder().setStatus(HealthCheckResponse.ServingStatus.SERVING).build());
    response.onCompleted();
  }

  @Override
  public void cancelJobs(JobCancelRequest request, StreamObserver<CancellationResult> response) {
    cancelled.addAll(request.getJobIdsList());
    response.onNext(CancellationResult.newBuilder().addAllCancelledIds(request.getJobIdsList()).build());
    response.onCompleted();
  }

  @Override
  public synchronized void submitJobs(JobSubmitRequest request, StreamObserver<JobSubmitResponse> response) {
    requests.add(request);
    JobSubmitResponse.Builder out = JobSubmitResponse.newBuilder();
    for (JobSubmitRequestItem item : request.getJobRequestItemsList()) {
      String id = jobIdByClientId.computeIfAbsent(item.getClientId(), c -> "job-" + jobIdByClientId.size());
      out.addJobResponseItems(JobSubmitResponseItem.newBuilder().setJobId(id));
    }
    if (failures-- > 0) { // the jobs were stored, but the answer is lost
      response.onError(failWith.asRuntimeException());
      return;
    }
    response.onNext(out.build());
    response.onCompleted();
  }
}
