package io.armadaproject.spark.submit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.armadaproject.spark.api.JobSubmitRequest;
import io.armadaproject.spark.api.JobSubmitRequestItem;
import io.armadaproject.spark.core.client.ArmadaClient;
import io.armadaproject.spark.core.client.ArmadaClientOptions;
import io.armadaproject.spark.core.client.ArmadaEndpoint;
import io.armadaproject.spark.core.client.ArmadaSubmitException;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SubmitWithRetryTest {
  private final FakeSubmitService armada = new FakeSubmitService();
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
