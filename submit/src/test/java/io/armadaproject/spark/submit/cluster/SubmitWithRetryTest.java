package io.armadaproject.spark.submit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.armadaproject.spark.api.JobSubmitRequest;
import io.armadaproject.spark.api.JobSubmitRequestItem;
import io.armadaproject.spark.api.JobSubmitResponse;
import io.armadaproject.spark.api.JobSubmitResponseItem;
import io.armadaproject.spark.api.SubmitGrpc;
import io.armadaproject.spark.core.client.ArmadaClient;
import io.armadaproject.spark.core.client.ArmadaClientOptions;
import io.armadaproject.spark.core.client.ArmadaEndpoint;
import io.armadaproject.spark.core.client.ArmadaSubmitException;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SubmitWithRetryTest {
  /** Armada's de-duplication by client id, failing the first {@code failures} calls with a status. */
  static final class FlakyArmada extends SubmitGrpc.SubmitImplBase {
    final List<JobSubmitRequest> requests = new ArrayList<>();
    final Map<String, String> jobIdByClientId = new HashMap<>();
    int failures;
    Status failWith = Status.UNAVAILABLE;

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

  private final FlakyArmada armada = new FlakyArmada();
  private final String name = InProcessServerBuilder.generateName();
  private Server server;
  private ArmadaClient client;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

  private ArmadaClient client() throws Exception {
    server = InProcessServerBuilder.forName(name).directExecutor().addService(armada).build().start();
    client = ArmadaClient.forChannel(ArmadaEndpoint.parseMaster("armada://fake:1"),
        InProcessChannelBuilder.forName(name).directExecutor().build(), ArmadaClientOptions.defaults());
    return client;
  }

  @AfterEach
  void stop() {
    client.close();
    server.shutdownNow();
  }

  @Test
  void aLostAnswerIsRetriedWithTheSameClientIdsAndCreatesNoDuplicates() throws Exception {
    armada.failures = 1;
    ResolvedSubmission s = new Submissions().resolve();
    List<JobSubmitRequestItem> items = List.of(
        new ExecutorJobFactory().build(s, "d", 1), new ExecutorJobFactory().build(s, "d", 2));
    List<String> ids = new SubmitWithRetry(new PrintStream(printed), 1).submit(client(), "q1", "set", items);

    assertThat(armada.requests).hasSize(2);
    assertThat(clientIds(armada.requests.get(0))).isEqualTo(clientIds(armada.requests.get(1)))
        .containsExactly(s.appId() + "-exec-1", s.appId() + "-exec-2");
    assertThat(ids).containsExactly("job-0", "job-1");
    assertThat(armada.jobIdByClientId).hasSize(2);
    assertThat(printed.toString()).contains("retrying with the same client ids");
  }

  @Test
  void aRejectionIsNotRetried() throws Exception {
    armada.failures = 1;
    armada.failWith = Status.INVALID_ARGUMENT.withDescription("namespace is a required field");
    ResolvedSubmission s = new Submissions().resolve();
    assertThatThrownBy(() -> new SubmitWithRetry(new PrintStream(printed), 1)
            .submit(client(), "q1", "set", List.of(new DriverJobFactory().build(s))))
        .isInstanceOf(ArmadaSubmitException.class);
    assertThat(armada.requests).hasSize(1);
  }

  @Test
  void givesUpAfterThreeAttempts() throws Exception {
    armada.failures = 5;
    ResolvedSubmission s = new Submissions().resolve();
    assertThatThrownBy(() -> new SubmitWithRetry(new PrintStream(printed), 1)
            .submit(client(), "q1", "set", List.of(new DriverJobFactory().build(s))))
        .isInstanceOf(ArmadaSubmitException.class);
    assertThat(armada.requests).hasSize(SubmitWithRetry.ATTEMPTS);
  }

  private static List<String> clientIds(JobSubmitRequest r) {
    return r.getJobRequestItemsList().stream().map(JobSubmitRequestItem::getClientId).collect(Collectors.toList());
  }
}
