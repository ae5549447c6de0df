package io.armadaproject.spark.core.client;

import com.google.protobuf.Empty;
import io.armadaproject.spark.api.CancellationResult;
import io.armadaproject.spark.api.EventGrpc;
import io.armadaproject.spark.api.EventStreamMessage;
import io.armadaproject.spark.api.HealthCheckResponse;
import io.armadaproject.spark.api.JobCancelRequest;
import io.armadaproject.spark.api.JobSetRequest;
import io.armadaproject.spark.api.JobSubmitRequest;
import io.armadaproject.spark.api.JobSubmitResponse;
import io.armadaproject.spark.api.JobSubmitResponseItem;
import io.armadaproject.spark.api.SubmitGrpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * A scripted stand-in for Armada on a real Netty server bound to 127.0.0.1: records what the client
 * sends and answers as told. Only for unit tests of the client.
 */
final class FakeArmada implements AutoCloseable {
  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  final List<String> authorizationHeaders = new CopyOnWriteArrayList<>();
  final List<JobSubmitRequest> submitRequests = new CopyOnWriteArrayList<>();
  final List<JobCancelRequest> cancelRequests = new CopyOnWriteArrayList<>();
  final List<JobSetRequest> eventRequests = new CopyOnWriteArrayList<>();
  final AtomicInteger cancelledStreams = new AtomicInteger();

  volatile HealthCheckResponse.ServingStatus healthStatus = HealthCheckResponse.ServingStatus.SERVING;
  volatile Status healthError;
  /** Fails the n-th (1-based) SubmitJobs call with this status; 0 = never. */
  volatile int failSubmitCall;
  volatile Status submitError;
  /** Scripted behaviours of successive GetJobSetEvents calls; the last one repeats. */
  final Queue<BiConsumer<JobSetRequest, ServerCallStreamObserver<EventStreamMessage>>> eventScripts =
      new ConcurrentLinkedQueue<>();

  private final AtomicInteger jobCounter = new AtomicInteger();
  private final Server server;

  FakeArmada() throws IOException {
    this(InsecureServerCredentials.create());
  }

  FakeArmada(ServerCredentials credentials) throws IOException {
    ServerInterceptor headers = new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(
          ServerCall<Q, R> call, Metadata metadata, ServerCallHandler<Q, R> next) {
        String auth = metadata.get(AUTHORIZATION);
        authorizationHeaders.add(auth == null ? "<none>" : auth);
        return next.startCall(call, metadata);
      }
    };
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0), credentials)
        .addService(ServerInterceptors.intercept(new Submit(), headers))
        .addService(ServerInterceptors.intercept(new Events(), headers))
        .build()
        .start();
  }

  int port() {
    return server.getPort();
  }

  ArmadaEndpoint endpoint() {
    return ArmadaEndpoint.of("127.0.0.1", port(), false);
  }

  static String jobId(int n) {
    return String.format("job-%04d", n);
  }

  static String messageId(int n) {
    return "1724250000" + String.format("%03d", n) + ":0:0:1";
  }

  @Override
  public void close() {
    server.shutdownNow();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private final class Submit extends SubmitGrpc.SubmitImplBase {
    @Override
    public void health(Empty request, StreamObserver<HealthCheckResponse> response) {
      if (healthError != null) {
        response.onError(healthError.asRuntimeException());
        return;
      }
      response.onNext(HealthCheckResponse.newBuilder().setStatus(healthStatus).build());
      response.onCompleted();
    }

    @Override
    public void submitJobs(JobSubmitRequest request, StreamObserver<JobSubmitResponse> response) {
      submitRequests.add(request);
      if (failSubmitCall == submitRequests.size()) {
        response.onError(submitError.asRuntimeException());
        return;
      }
      JobSubmitResponse.Builder answer = JobSubmitResponse.newBuilder();
      for (int i = 0; i < request.getJobRequestItemsCount(); i++) {
        answer.addJobResponseItems(
            JobSubmitResponseItem.newBuilder().setJobId(jobId(jobCounter.incrementAndGet())));
      }
      response.onNext(answer.build());
      response.onCompleted();
    }

    @Override
    public void cancelJobs(JobCancelRequest request, StreamObserver<CancellationResult> response) {
      cancelRequests.add(request);
      response.onNext(CancellationResult.newBuilder().addAllCancelledIds(request.getJobIdsList()).build());
      response.onCompleted();
    }
  }

  private final class Events extends EventGrpc.EventImplBase {
    @Override
    public void getJobSetEvents(JobSetRequest request, StreamObserver<EventStreamMessage> response) {
      eventRequests.add(request);
      ServerCallStreamObserver<EventStreamMessage> call = (ServerCallStreamObserver<EventStreamMessage>) response;
      call.setOnCancelHandler(cancelledStreams::incrementAndGet);
      BiConsumer<JobSetRequest, ServerCallStreamObserver<EventStreamMessage>> script =
          eventScripts.size() > 1 ? eventScripts.poll() : eventScripts.peek();
      if (script == null) {
        response.onCompleted();
      } else {
        script.accept(request, call);
      }
    }
  }
}
