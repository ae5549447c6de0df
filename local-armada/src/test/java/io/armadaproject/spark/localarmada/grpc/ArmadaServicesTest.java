package io.armadaproject.spark.localarmada.grpc;

import static io.armadaproject.spark.api.EventMessage.EventsCase.CANCELLED;
import static io.armadaproject.spark.api.EventMessage.EventsCase.CANCELLING;
import static io.armadaproject.spark.api.EventMessage.EventsCase.FAILED;
import static io.armadaproject.spark.api.EventMessage.EventsCase.LEASED;
import static io.armadaproject.spark.api.EventMessage.EventsCase.PENDING;
import static io.armadaproject.spark.api.EventMessage.EventsCase.PREEMPTING;
import static io.armadaproject.spark.api.EventMessage.EventsCase.QUEUED;
import static io.armadaproject.spark.api.EventMessage.EventsCase.SUBMITTED;
import static io.armadaproject.spark.localarmada.TestJobs.container;
import static io.armadaproject.spark.localarmada.TestJobs.item;
import static io.armadaproject.spark.localarmada.TestJobs.pod;
import static io.armadaproject.spark.localarmada.TestJobs.quantity;
import static io.armadaproject.spark.localarmada.TestJobs.request;
import static io.armadaproject.spark.localarmada.TestJobs.resources;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Empty;
import io.armadaproject.spark.api.Cause;
import io.armadaproject.spark.api.EventMessage;
import io.armadaproject.spark.api.EventStreamMessage;
import io.armadaproject.spark.api.HealthCheckResponse;
import io.armadaproject.spark.api.Job;
import io.armadaproject.spark.api.JobCancelRequest;
import io.armadaproject.spark.api.JobPreemptRequest;
import io.armadaproject.spark.api.JobSetCancelRequest;
import io.armadaproject.spark.api.JobSetFilter;
import io.armadaproject.spark.api.JobSetRequest;
import io.armadaproject.spark.api.JobState;
import io.armadaproject.spark.api.JobSubmitRequest;
import io.armadaproject.spark.api.JobSubmitResponse;
import io.armadaproject.spark.api.JobSubmitResponseItem;
import io.armadaproject.spark.api.Queue;
import io.armadaproject.spark.api.QueueDeleteRequest;
import io.armadaproject.spark.api.QueueGetRequest;
import io.armadaproject.spark.api.StreamingQueueGetRequest;
import io.armadaproject.spark.api.StreamingQueueMessage;
import io.armadaproject.spark.api.WatchRequest;
import io.armadaproject.spark.k8s.core.v1.ResourceRequirements;
import io.armadaproject.spark.localarmada.ArmadaClients;
import io.armadaproject.spark.localarmada.Events;
import io.armadaproject.spark.localarmada.LocalArmadaOptions;
import io.armadaproject.spark.localarmada.LocalArmadaStack;
import io.armadaproject.spark.localarmada.admin.DropEventStreamsRequest;
import io.armadaproject.spark.localarmada.events.MessageId;
import io.armadaproject.spark.localarmada.admin.GetStatsRequest;
import io.armadaproject.spark.localarmada.admin.ListJobsRequest;
import io.armadaproject.spark.localarmada.admin.SetLeasingPausedRequest;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.Server;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gRPC services in-process, with leasing paused unless a test needs the scheduler (no process starts). */
class ArmadaServicesTest {

  @TempDir
  Path workDir;

  private LocalArmadaStack stack;
  private Server server;
  private ArmadaClients clients;

  @BeforeEach
  void start() throws IOException {
    startWith("--work-dir", workDir.toString(), "--queue", "q", "--queue", "other", "--cores", "4", "--memory", "8Gi");
    clients.admin.setLeasingPaused(SetLeasingPausedRequest.newBuilder().setPaused(true).build());
  }

  private void startWith(String... args) throws IOException {
    try {
      stack = LocalArmadaStack.assemble(LocalArmadaOptions.parse(args));
    } catch (LocalArmadaOptions.UsageException e) {
      throw new IllegalArgumentException(e);
    }
    String name = InProcessServerBuilder.generateName();
    InProcessServerBuilder builder = InProcessServerBuilder.forName(name).directExecutor();
    stack.services().forEach(builder::addService);
    server = builder.build().start();
    clients = new ArmadaClients(InProcessChannelBuilder.forName(name).directExecutor().build());
  }

  @AfterEach
  void stop() throws InterruptedException {
    clients.close();
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    stack.close();
  }

  @Test
  void healthIsServing() {
    assertThat(clients.submit.health(Empty.getDefaultInstance()).getStatus())
        .isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    assertThat(clients.events.health(Empty.getDefaultInstance()).getStatus())
        .isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
  }

  @Test
  void unknownQueueIsPermissionDeniedBeforeValidation() {
    assertStatus(() -> clients.submit.submitJobs(request("nope", "", item(pod(container("m", "i"))))),
        Status.Code.PERMISSION_DENIED, "could not find queue \"nope\"");
    assertStatus(() -> clients.submit.submitJobs(request("", "set", item(pod(container("m", "i"))))),
        Status.Code.PERMISSION_DENIED, "could not find queue \"\"");
  }

  @Test
  void invalidRequestsAreRejectedWholeAndStoreNothing() {
    JobSubmitRequest request = request("q", "set", item(pod(container("m", "i"))),
        item(pod(container("m", "i")).toBuilder().setPriorityClassName("gold").build()));
    assertStatus(() -> clients.submit.submitJobs(request), Status.Code.INVALID_ARGUMENT,
        "priority class gold is not supported");
    assertThat(clients.admin.getStats(GetStatsRequest.getDefaultInstance()).getJobsTotal()).isZero();
    assertThat(clients.admin.getStats(GetStatsRequest.getDefaultInstance()).getSubmitJobsCalls()).isEqualTo(1);
    assertThat(clients.storedEvents("q", "set")).isEmpty();
  }

  @Test
  void malformedQuantitiesFailLikeADecodingError() {
    JobSubmitRequest request = request("q", "set", item(pod(container("m", "i").setResources(
        ResourceRequirements.newBuilder().putRequests("cpu", quantity("lots")).putLimits("cpu", quantity("lots"))))));
    assertStatus(() -> clients.submit.submitJobs(request), Status.Code.INTERNAL,
        "grpc: error unmarshalling request: quantity \"lots\" must match the regular expression");
  }

  @Test
  void submissionStoresSubmittedAndQueuedAsOneEntryWithDefaults() {
    JobSubmitResponse response = clients.submit.submitJobs(request("q", "set",
        item(pod(container("m", "i"))).putLabels("app", "pi-{JobId}").setPriority(2.4),
        item(pod(container("m", "i")))));
    List<String> ids = response.getJobResponseItemsList().stream().map(JobSubmitResponseItem::getJobId).toList();
    assertThat(ids).hasSize(2).allSatisfy(id -> assertThat(id).matches("[0-9a-hjkmnp-tv-z]{26}"));
    assertThat(response.getJobResponseItemsList()).allSatisfy(item -> assertThat(item.getError()).isEmpty());

    List<EventStreamMessage> stored = clients.storedEvents("q", "set");
    assertThat(stored).extracting(message -> message.getMessage().getEventsCase())
        .containsExactly(SUBMITTED, QUEUED, SUBMITTED, QUEUED);
    MessageId first = MessageId.parse(stored.get(0).getId());
    assertThat(stored).extracting(message -> MessageId.parse(message.getId())).containsExactly(
        new MessageId(first.millis(), first.sequence(), 0, false), new MessageId(first.millis(), first.sequence(), 1, false),
        new MessageId(first.millis(), first.sequence(), 2, false), new MessageId(first.millis(), first.sequence(), 3, true));
    Job job = stored.get(0).getMessage().getSubmitted().getJob();
    assertThat(job.getId()).isEqualTo(ids.get(0));
    assertThat(job.getLabelsMap()).containsEntry("app", "pi-" + ids.get(0));
    assertThat(job.getPriority()).isEqualTo(2.0);
    assertThat(job.getNamespace()).isEqualTo("default");
    assertThat(job.getOwner()).isEqualTo("anonymous");
    assertThat(job.getPodSpec().getPriorityClassName()).isEqualTo("armada-default");
    assertThat(job.getPodSpec().getContainers(0).getResources().getRequestsMap()).containsKey("ephemeral-storage");
    assertThat(job.getSchedulingResourceRequirements().getRequestsMap())
        .containsEntry("cpu", quantity("100m")).containsEntry("memory", quantity("64Mi"));
  }

  @Test
  void duplicateClientIdsReturnTheOriginalIdAndAddNoEvents() {
    JobSubmitRequest request = request("q", "set", item(pod(container("m", "i"))).setClientId("c-1"));
    String first = clients.submit.submitJobs(request).getJobResponseItems(0).getJobId();
    String again = clients.submit.submitJobs(request).getJobResponseItems(0).getJobId();
    String otherQueue = clients.submit.submitJobs(request.toBuilder().setQueue("other").build())
        .getJobResponseItems(0).getJobId();
    assertThat(again).isEqualTo(first);
    assertThat(otherQueue).isNotEqualTo(first);
    assertThat(clients.storedEvents("q", "set")).hasSize(2);
    assertThat(clients.admin.getStats(GetStatsRequest.getDefaultInstance()).getJobsTotal()).isEqualTo(2);
  }

  @Test
  void cancellingQueuedJobsAndAlreadyCancelledOnes() {
    List<String> ids = submit(3);
    CancellationIds result = cancel(List.of(ids.get(0), ids.get(0), "unknown-id"));
    assertThat(result.ids).containsExactly(ids.get(0), "unknown-id");
    cancel(List.of(ids.get(0)));

    List<EventStreamMessage> stored = clients.storedEvents("q", "set");
    assertThat(Events.kinds(stored, ids.get(0)))
        .containsExactly(SUBMITTED, QUEUED, CANCELLING, CANCELLED, CANCELLING);
    assertThat(Events.kinds(stored, "unknown-id")).containsExactly(CANCELLING);

    CancellationIds wholeSet = cancel(List.of());
    assertThat(wholeSet.ids).containsExactly("");
    assertThat(Events.kinds(clients.storedEvents("q", "set"), ids.get(2)))
        .containsExactly(SUBMITTED, QUEUED, CANCELLING, CANCELLED);
    assertThat(clients.admin.listJobs(ListJobsRequest.newBuilder().setQueue("q").build()).getJobsList())
        .extracting(job -> job.getState()).containsOnly("CANCELLED");
  }

  @Test
  void cancelJobSetHonoursItsStateFilter() {
    List<String> ids = submit(1);
    clients.submit.cancelJobSet(JobSetCancelRequest.newBuilder().setQueue("q").setJobSetId("set")
        .setFilter(JobSetFilter.newBuilder().addStates(JobState.PENDING).addStates(JobState.RUNNING)).build());
    assertThat(Events.kinds(clients.storedEvents("q", "set"), ids.get(0))).containsExactly(SUBMITTED, QUEUED);
    assertStatus(() -> clients.submit.cancelJobSet(JobSetCancelRequest.newBuilder().setQueue("q").setJobSetId("set")
            .setFilter(JobSetFilter.newBuilder().addStates(JobState.PENDING)).build()),
        Status.Code.INVALID_ARGUMENT, "unsupported state combination - state PENDING and RUNNING must always be used together");
    clients.submit.cancelJobSet(JobSetCancelRequest.newBuilder().setQueue("q").setJobSetId("set")
        .setFilter(JobSetFilter.newBuilder().addStates(JobState.QUEUED)).build());
    assertThat(Events.kinds(clients.storedEvents("q", "set"), ids.get(0)))
        .containsExactly(SUBMITTED, QUEUED, CANCELLING, CANCELLED);
  }

  @Test
  void cancelAndPreemptCheckTheirArguments() {
    assertStatus(() -> clients.submit.cancelJobs(JobCancelRequest.newBuilder().setQueue("q").setJobSetId("s")
            .setReason("r".repeat(51)).build()), Status.Code.INVALID_ARGUMENT,
        "value \"" + "r".repeat(50) + "...\" is invalid for field \"Reason\": reason cannot be longer than 50 bytes");
    assertStatus(() -> clients.submit.cancelJobs(JobCancelRequest.newBuilder().setJobSetId("s").build()),
        Status.Code.INVALID_ARGUMENT, "value \"\" is invalid for field \"Queue\": queue cannot be empty");
    assertStatus(() -> clients.submit.cancelJobs(JobCancelRequest.newBuilder().setQueue("q").build()),
        Status.Code.INVALID_ARGUMENT, "value \"\" is invalid for field \"JobSetId\": jobset cannot be empty");
    assertStatus(() -> clients.submit.cancelJobs(JobCancelRequest.newBuilder().setQueue("nope").setJobSetId("s").build()),
        Status.Code.UNKNOWN, "could not find queue \"nope\"");
    assertStatus(() -> clients.submit.preemptJobs(JobPreemptRequest.newBuilder().setQueue("nope").setJobSetId("s").build()),
        Status.Code.UNKNOWN, "could not find queue \"nope\"");
  }

  @Test
  void preemptingAQueuedJobOnlyRecordsTheRequest() {
    List<String> ids = submit(1);
    assertThat(clients.submit.preemptJobs(JobPreemptRequest.newBuilder().setQueue("q").setJobSetId("set")
        .addJobIds(ids.get(0)).setReason("make room").build()).getPreemptionResultsMap())
        .isEqualTo(Map.of(ids.get(0), ""));
    List<EventStreamMessage> stored = clients.storedEvents("q", "set");
    assertThat(Events.kinds(stored, ids.get(0))).containsExactly(SUBMITTED, QUEUED, PREEMPTING);
    assertThat(Events.last(stored, ids.get(0), PREEMPTING).getPreempting().getReason()).isEqualTo("make room");
  }

  @Test
  void eventStreamErrors() {
    assertStatus(() -> clients.storedEvents("nope", "set"), Status.Code.NOT_FOUND,
        "[GetJobSetEvents] Queue nope does not exist");
    assertStatus(() -> clients.events.getJobSetEvents(JobSetRequest.newBuilder().setQueue("q").setId("missing")
            .setErrorIfMissing(true).build()).hasNext(), Status.Code.NOT_FOUND,
        "[GetJobSetEvents] Jobset missing for queue q does not exist");
    assertStatus(() -> clients.events.watch(WatchRequest.newBuilder().setQueue("q").setJobSetId("missing").build())
        .hasNext(), Status.Code.NOT_FOUND, "[GetJobSetEvents] Jobset missing for queue q does not exist");
    assertStatus(() -> clients.events.getJobSetEvents(JobSetRequest.newBuilder().setQueue("q").setId("set")
            .setFromMessageId("garbage").build()).hasNext(), Status.Code.UNKNOWN,
        "from_message_id \"garbage\" is not a valid redis identifier");
    assertThat(clients.storedEvents("q", "never-written")).isEmpty();
  }

  @Test
  void resumesStrictlyAfterTheGivenMessageId() {
    submit(2);
    List<EventStreamMessage> all = clients.storedEvents("q", "set");
    List<EventStreamMessage> after = new ArrayList<>();
    clients.events.getJobSetEvents(JobSetRequest.newBuilder().setQueue("q").setId("set")
        .setFromMessageId(all.get(1).getId()).build()).forEachRemaining(after::add);
    assertThat(after).containsExactlyElementsOf(all.subList(2, all.size()));
  }

  @Test
  void watchDeliversStoredThenNewEventsAndCanBeDropped() {
    List<String> first = submit(1);
    Iterator<EventStreamMessage> watch = clients.events.withDeadlineAfter(30, TimeUnit.SECONDS)
        .watch(WatchRequest.newBuilder().setQueue("q").setJobSetId("set").build());
    assertThat(Events.jobId(watch.next().getMessage())).isEqualTo(first.get(0));
    assertThat(watch.next().getMessage().getEventsCase()).isEqualTo(QUEUED);
    List<String> second = submit(1);
    EventStreamMessage next = watch.next();
    assertThat(next.getMessage().getEventsCase()).isEqualTo(SUBMITTED);
    assertThat(Events.jobId(next.getMessage())).isEqualTo(second.get(0));
    assertThat(watch.next().getMessage().getEventsCase()).isEqualTo(QUEUED);

    assertThat(clients.admin.dropEventStreams(DropEventStreamsRequest.getDefaultInstance()).getDropped()).isEqualTo(1);
    assertStatus(watch::hasNext, Status.Code.UNAVAILABLE, "event stream dropped by local-armada");
  }

  @Test
  void jobsThatCanNeverFitAreRejectedAndUnmappedImagesFailThePod() {
    clients.admin.setLeasingPaused(SetLeasingPausedRequest.newBuilder().setPaused(false).build());
    JobSubmitResponse response = clients.submit.submitJobs(request("q", "set",
        item(pod(container("m", "img").setResources(resources("16", "1Gi")))),
        item(pod(container("m", "nginx:1.25")))));
    String tooBig = response.getJobResponseItems(0).getJobId();
    String unmapped = response.getJobResponseItems(1).getJobId();
    Map<String, List<EventMessage.EventsCase>> seen = clients.watchUntilDone("q", "set", List.of(tooBig, unmapped), 30);
    assertThat(seen.get(tooBig)).containsExactly(SUBMITTED, QUEUED, FAILED);
    assertThat(seen.get(unmapped)).containsExactly(SUBMITTED, QUEUED, LEASED, PENDING, FAILED);

    List<EventStreamMessage> stored = clients.storedEvents("q", "set");
    EventMessage rejected = Events.last(stored, tooBig, FAILED);
    assertThat(rejected.getFailed().getCause()).isEqualTo(Cause.Rejected);
    assertThat(rejected.getFailed().getReason())
        .isEqualTo("job requests cpu 16, memory 1Gi but local-armada's whole capacity is cpu 4, memory 8Gi");
    EventMessage failed = Events.last(stored, unmapped, FAILED);
    assertThat(failed.getFailed().getReason())
        .isEqualTo("image \"nginx:1.25\" is not available in local-armada; map it with --image nginx:1.25=DIR");
    assertThat(failed.getFailed().getPodName()).isEqualTo("armada-" + unmapped + "-0");
    assertThat(clients.admin.listJobs(ListJobsRequest.getDefaultInstance()).getJobsList())
        .extracting(job -> job.getState()).containsExactly("REJECTED", "FAILED");
  }

  @Test
  void queueCalls() {
    clients.queues.createQueue(Queue.newBuilder().setName("new").setPriorityFactor(1).build());
    assertThat(clients.submit.getQueue(QueueGetRequest.newBuilder().setName("new").build()).getUserOwnersList())
        .containsExactly("anonymous");
    assertStatus(() -> clients.submit.createQueue(Queue.newBuilder().setName("new").setPriorityFactor(1).build()),
        Status.Code.ALREADY_EXISTS, "queue \"new\" already exists");
    assertStatus(() -> clients.queues.createQueue(Queue.newBuilder().setName("low").setPriorityFactor(0.5).build()),
        Status.Code.INVALID_ARGUMENT, "error validating queue");
    List<String> names = new ArrayList<>();
    clients.queues.getQueues(StreamingQueueGetRequest.getDefaultInstance()).forEachRemaining(message ->
        names.add(message.getEventCase() == StreamingQueueMessage.EventCase.END ? "<end>" : message.getQueue().getName()));
    assertThat(names).containsExactly("new", "other", "q", "<end>");
    clients.submit.submitJobs(request("new", "set", item(pod(container("m", "i")))));
    clients.queues.deleteQueue(QueueDeleteRequest.newBuilder().setName("new").build());
    assertStatus(() -> clients.queues.getQueue(QueueGetRequest.newBuilder().setName("new").build()),
        Status.Code.NOT_FOUND, "error: could not find queue \"new\"");
    assertStatus(() -> clients.queues.deleteQueue(QueueDeleteRequest.newBuilder().setName("new").build()),
        Status.Code.INVALID_ARGUMENT, "could not find queue \"new\"");
  }

  @Test
  void aTokenIsRequiredWhenConfigured() throws Exception {
    stop();
    startWith("--work-dir", workDir.toString(), "--token", "s3cret");
    assertStatus(() -> clients.submit.health(Empty.getDefaultInstance()), Status.Code.UNAUTHENTICATED,
        "Request could not be authenticated");
    Metadata wrong = new Metadata();
    wrong.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer nope");
    assertStatus(() -> clients.submit.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(wrong))
        .health(Empty.getDefaultInstance()), Status.Code.UNAUTHENTICATED, "invalid bearer token");
    Metadata right = new Metadata();
    right.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "bearer s3cret");
    assertThat(clients.events.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(right))
        .health(Empty.getDefaultInstance()).getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
  }

  private List<String> submit(int count) {
    JobSubmitRequest.Builder request = JobSubmitRequest.newBuilder().setQueue("q").setJobSetId("set");
    for (int i = 0; i < count; i++) {
      request.addJobRequestItems(item(pod(container("m", "i"))));
    }
    return clients.submit.submitJobs(request.build()).getJobResponseItemsList().stream()
        .map(JobSubmitResponseItem::getJobId).toList();
  }

  private record CancellationIds(List<String> ids) {}

  private CancellationIds cancel(List<String> ids) {
    return new CancellationIds(clients.submit.cancelJobs(JobCancelRequest.newBuilder().setQueue("q").setJobSetId("set")
        .addAllJobIds(ids).build()).getCancelledIdsList());
  }

  private static void assertStatus(Runnable call, Status.Code code, String message) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
      assertThat(e.getStatus().getCode()).isEqualTo(code);
      assertThat(e.getStatus().getDescription()).contains(message);
    });
  }
}
