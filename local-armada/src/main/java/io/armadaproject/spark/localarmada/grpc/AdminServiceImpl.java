package io.armadaproject.spark.localarmada.grpc;

import io.armadaproject.spark.k8s.core.v1.Container;
import io.armadaproject.spark.localarmada.admin.AdminGrpc;
import io.armadaproject.spark.localarmada.admin.DropEventStreamsRequest;
import io.armadaproject.spark.localarmada.admin.DropEventStreamsResponse;
import io.armadaproject.spark.localarmada.admin.FailJobRequest;
import io.armadaproject.spark.localarmada.admin.FailJobResponse;
import io.armadaproject.spark.localarmada.admin.GetStatsRequest;
import io.armadaproject.spark.localarmada.admin.JobInfo;
import io.armadaproject.spark.localarmada.admin.ListJobsRequest;
import io.armadaproject.spark.localarmada.admin.ListJobsResponse;
import io.armadaproject.spark.localarmada.admin.OutageRequest;
import io.armadaproject.spark.localarmada.admin.OutageResponse;
import io.armadaproject.spark.localarmada.admin.SetLeasingPausedRequest;
import io.armadaproject.spark.localarmada.admin.SetLeasingPausedResponse;
import io.armadaproject.spark.localarmada.admin.Stats;
import io.armadaproject.spark.localarmada.jobs.JobController;
import io.armadaproject.spark.localarmada.jobs.LocalJob;
import io.armadaproject.spark.localarmada.pods.PodInfo;
import io.armadaproject.spark.localarmada.pods.PodMetadata;
import io.armadaproject.spark.localarmada.pods.PodRequest;
import io.armadaproject.spark.localarmada.pods.PodRuntime;
import io.grpc.stub.StreamObserver;

/** local-armada's own {@code localarmada.Admin} service: statistics, job listing, fault injection. */
final class AdminServiceImpl extends AdminGrpc.AdminImplBase {

  private final JobController controller;
  private final PodRuntime pods;
  private final EventStreams streams;
  private final ServerStats stats;
  private final ServingControl serving;

  AdminServiceImpl(JobController controller, PodRuntime pods, EventStreams streams, ServerStats stats,
      ServingControl serving) {
    this.controller = controller;
    this.pods = pods;
    this.streams = streams;
    this.stats = stats;
    this.serving = serving;
  }

  @Override
  public void outage(OutageRequest request, StreamObserver<OutageResponse> response) {
    reply(response, OutageResponse.getDefaultInstance());
    serving.outage(java.time.Duration.ofSeconds(Math.max(0, request.getSeconds())));
  }

  @Override
  public void getStats(GetStatsRequest request, StreamObserver<Stats> response) {
    reply(response, Stats.newBuilder()
        .setSubmitJobsCalls(stats.submitJobsCalls.get())
        .setCancelCalls(stats.cancelCalls.get())
        .setPreemptCalls(stats.preemptCalls.get())
        .setJobsTotal(controller.jobCount())
        .setLiveContainerProcesses(pods.liveContainerProcesses())
        .build());
  }

  @Override
  public void listJobs(ListJobsRequest request, StreamObserver<ListJobsResponse> response) {
    ListJobsResponse.Builder result = ListJobsResponse.newBuilder();
    for (LocalJob job : controller.jobsOf(request.getQueue(), request.getJobSetId())) {
      result.addJobs(describe(job));
    }
    reply(response, result.build());
  }

  @Override
  public void failJob(FailJobRequest request, StreamObserver<FailJobResponse> response) {
    String reason = request.getReason().isEmpty() ? "failed by local-armada fault injection" : request.getReason();
    reply(response, FailJobResponse.newBuilder().setFailed(controller.fail(request.getJobId(), reason)).build());
  }

  @Override
  public void setLeasingPaused(SetLeasingPausedRequest request, StreamObserver<SetLeasingPausedResponse> response) {
    controller.setLeasingPaused(request.getPaused());
    reply(response, SetLeasingPausedResponse.getDefaultInstance());
  }

  @Override
  public void dropEventStreams(DropEventStreamsRequest request, StreamObserver<DropEventStreamsResponse> response) {
    reply(response, DropEventStreamsResponse.newBuilder().setDropped(streams.dropAll()).build());
  }

  private static JobInfo describe(LocalJob job) {
    PodRequest request = job.podRequest();
    JobInfo.Builder info = JobInfo.newBuilder()
        .setJobId(job.id())
        .setQueue(job.queue())
        .setJobSetId(job.jobSetId())
        .setState(job.state().name())
        .setPodName(request.podName())
        .putAllLabels(PodMetadata.labels(request))
        .putAllAnnotations(PodMetadata.annotations(request))
        .putAllExitCodes(job.exitCodes());
    request.podSpec().getInitContainersList().stream().map(Container::getName).forEach(info::addContainerNames);
    request.podSpec().getContainersList().stream().map(Container::getName).forEach(info::addContainerNames);
    PodInfo pod = job.pod();
    if (pod != null) {
      info.setPodIp(pod.ip()).setLogDir(pod.logDir() == null ? "" : pod.logDir().toString())
          .addAllServiceNames(pod.serviceNames());
    }
    return info.build();
  }

  private static <T> void reply(StreamObserver<T> response, T value) {
    response.onNext(value);
    response.onCompleted();
  }
}
