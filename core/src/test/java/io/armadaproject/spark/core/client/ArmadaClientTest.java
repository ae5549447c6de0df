package io.armadaproject.spark.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.armadaproject.spark.api.HealthCheckResponse;
import io.armadaproject.spark.api.JobSubmitRequest;
import io.armadaproject.spark.api.JobSubmitRequestItem;
import io.grpc.Status;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ArmadaClientTest {
  private FakeArmada armada;
  private ArmadaClient client;

  @BeforeEach
  void start() throws IOException {
    armada = new FakeArmada();
    client = ArmadaClient.connect(armada.endpoint(), ArmadaClientOptions.defaults());
  }

  @AfterEach
  void stop() {
    client.close();
    armada.close();
  }

  private static List<JobSubmitRequestItem> items(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> JobSubmitRequestItem.newBuilder().setNamespace("ns").setClientId("c" + i).build())
        .collect(Collectors.toList());
  }

  @Test
  void healthPassesWhenServing() {
    client.checkHealth(Duration.ofSeconds(5));
    assertThat(armada.authorizationHeaders).containsExactly("<none>");
  }

  @Test
  void healthFailsWhenNotServing() {
    armada.healthStatus = HealthCheckResponse.ServingStatus.NOT_SERVING;
    ArmadaUnavailableException e = catchThrowableOfType(
        ArmadaUnavailableException.class, () -> client.checkHealth(Duration.ofSeconds(5)));
    assertThat(e.getMessage())
        .contains("armada://127.0.0.1:" + armada.port())
        .contains("NOT_SERVING")
        .contains("is local-armada or Armada running and reachable at armada://127.0.0.1:" + armada.port())
        .contains("spark.armada.health.checkTimeout");
    assertThat(e.endpointUrl()).isEqualTo("armada://127.0.0.1:" + armada.port());
  }

  @Test
  void healthFailsWithTheCodeWhenTheCallFails() {
    armada.healthError = Status.UNAUTHENTICATED.withDescription("Request could not be authenticated");
    ArmadaUnavailableException e = catchThrowableOfType(
        ArmadaUnavailableException.class, () -> client.checkHealth(Duration.ofSeconds(5)));
    assertThat(e.statusCode()).contains(Status.Code.UNAUTHENTICATED);
    assertThat(e.getMessage()).contains("UNAUTHENTICATED", "Request could not be authenticated", "auth token");
  }

  @Test
  void healthFailsFastWhenNothingListens() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    ArmadaEndpoint nowhere = ArmadaEndpoint.of("127.0.0.1", port, false);
    Duration timeout = Duration.ofSeconds(3);
    try (ArmadaClient c = ArmadaClient.connect(nowhere, ArmadaClientOptions.defaults())) {
      long start = System.nanoTime();
      ArmadaUnavailableException e =
          catchThrowableOfType(ArmadaUnavailableException.class, () -> c.checkHealth(timeout));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(took).isLessThan(timeout.plusSeconds(2));
      assertThat(e.getMessage()).contains("armada://127.0.0.1:" + port, "spark.armada.health.checkTimeout");
      assertThat(e.statusCode()).contains(Status.Code.UNAVAILABLE);
    }
  }

  @Test
  void healthGivesUpAtTheDeadlineWhenTheServerNeverAnswers() throws Exception {
    // accepts TCP connections but never speaks HTTP/2, like a host that swallows traffic
    try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      List<Socket> held = new ArrayList<>();
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            held.add(silent.accept());
          }
        } catch (IOException closed) {
          // socket closed at the end of the test
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      ArmadaEndpoint endpoint = ArmadaEndpoint.of("127.0.0.1", silent.getLocalPort(), false);
      Duration timeout = Duration.ofSeconds(1);
      try (ArmadaClient c = ArmadaClient.connect(endpoint, ArmadaClientOptions.defaults())) {
        long start = System.nanoTime();
        ArmadaUnavailableException e =
            catchThrowableOfType(ArmadaUnavailableException.class, () -> c.checkHealth(timeout));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(timeout.plusSeconds(2));
        assertThat(e.statusCode()).contains(Status.Code.DEADLINE_EXCEEDED);
        assertThat(e.getMessage()).contains(endpoint.toString(), "no answer within 1000 ms");
      }
    }
  }

  @Test
  void submitSplitsIntoRequestsOf200AndKeepsItemOrder() {
    List<String> ids = client.submitJobs("q", "set-1", items(450));

    assertThat(armada.submitRequests).extracting(JobSubmitRequest::getJobRequestItemsCount)
        .containsExactly(200, 200, 50);
    assertThat(armada.submitRequests).allSatisfy(r -> {
      assertThat(r.getQueue()).isEqualTo("q");
      assertThat(r.getJobSetId()).isEqualTo("set-1");
    });
    List<String> sentClientIds = armada.submitRequests.stream()
        .flatMap(r -> r.getJobRequestItemsList().stream())
        .map(JobSubmitRequestItem::getClientId)
        .collect(Collectors.toList());
    assertThat(sentClientIds).isEqualTo(IntStream.range(0, 450).mapToObj(i -> "c" + i).collect(Collectors.toList()));
    assertThat(ids).hasSize(450).isEqualTo(
        IntStream.rangeClosed(1, 450).mapToObj(FakeArmada::jobId).collect(Collectors.toList()));
  }

  @Test
  void submitOfNothingSendsNothing() {
    assertThat(client.submitJobs("q", "s", List.of())).isEmpty();
    assertThat(armada.submitRequests).isEmpty();
  }

  @Test
  void partialSubmitFailureCarriesTheAcceptedIds() {
    armada.failSubmitCall = 2;
    armada.submitError = Status.INVALID_ARGUMENT.withDescription("namespace must not be empty");

    ArmadaSubmitException e = catchThrowableOfType(
        ArmadaSubmitException.class, () -> client.submitJobs("q", "set-1", items(450)));

    assertThat(e.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.armadaMessage()).isEqualTo("namespace must not be empty");
    assertThat(e.acceptedJobIds()).isEqualTo(
        IntStream.rangeClosed(1, 200).mapToObj(FakeArmada::jobId).collect(Collectors.toList()));
    assertThat(e.getMessage()).contains("items 201-400 of 450", "INVALID_ARGUMENT", "200 job(s) were accepted");
    assertThat(armada.submitRequests).hasSize(2); // stopped at the failure
  }

  @Test
  void cancelOfNoIdsSendsNothing() {
    assertThat(client.cancelJobs("q", "s", List.of(), "stop")).isEmpty();
    assertThat(client.cancelJobs("q", "s", List.of("", " "), "stop")).isEmpty();
    assertThat(armada.cancelRequests).isEmpty();
  }

  @Test
  void cancelSendsIdsOnceAndCutsTheReasonTo50Bytes() {
    String reason = "Spark application stopping - cancelling executors: ünïcödé tail";
    List<String> cancelled = client.cancelJobs("q", "s", List.of("a", "b", "a"), reason);

    assertThat(cancelled).containsExactly("a", "b");
    assertThat(armada.cancelRequests).hasSize(1);
    var request = armada.cancelRequests.get(0);
    assertThat(request.getQueue()).isEqualTo("q");
    assertThat(request.getJobSetId()).isEqualTo("s");
    assertThat(request.getJobIdsList()).containsExactly("a", "b");
    assertThat(request.getReason().getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(50);
    assertThat(reason).startsWith(request.getReason());
  }

  @Test
  void bearerTokenIsSentAndNeverShown() throws Exception {
    String token = "s3cr3t-t0ken-value";
    ArmadaClientOptions options = ArmadaClientOptions.builder().bearerToken(token).build();
    try (ArmadaClient c = ArmadaClient.connect(armada.endpoint(), options)) {
      c.checkHealth(Duration.ofSeconds(5));
      c.submitJobs("q", "s", items(1));
      c.cancelJobs("q", "s", Set.of("job-0001"), "done");
      assertThat(c.toString()).doesNotContain(token);
    }
    assertThat(armada.authorizationHeaders).containsExactly(
        "Bearer " + token, "Bearer " + token, "Bearer " + token);
    assertThat(options.toString()).doesNotContain(token).contains("<redacted>");
  }

  @Test
  void bearerTokenArrivesAsAuthorizationHeader() {
    ArmadaClientOptions options = ArmadaClientOptions.builder().bearerToken("x").build();
    try (ArmadaClient c = ArmadaClient.connect(armada.endpoint(), options)) {
      c.checkHealth(Duration.ofSeconds(5));
    }
    assertThat(armada.authorizationHeaders).containsExactly("Bearer x");
  }

  @Test
  void failingTokenSourceFailsTheCallWithoutEchoingIt() {
    ArmadaClientOptions options = ArmadaClientOptions.builder()
        .tokenSupplier(() -> {
          throw new IllegalStateException("token script printed s3cr3t");
        })
        .build();
    try (ArmadaClient c = ArmadaClient.connect(armada.endpoint(), options)) {
      ArmadaUnavailableException e = catchThrowableOfType(
          ArmadaUnavailableException.class, () -> c.checkHealth(Duration.ofSeconds(5)));
      assertThat(e.statusCode()).contains(Status.Code.UNAUTHENTICATED);
      assertThat(e.getMessage()).contains("could not obtain the Armada auth token").doesNotContain("s3cr3t");
    }
    assertThat(armada.authorizationHeaders).isEmpty();
  }

  @Test
  void callsFailAfterClose() {
    client.close();
    assertThat(client.isClosed()).isTrue();
    assertThatThrownBy(() -> client.checkHealth(Duration.ofSeconds(1)))
        .isInstanceOf(ArmadaUnavailableException.class);
    assertThatThrownBy(() -> client.watchJobSet("q", "s", null, m -> { }))
        .isInstanceOf(IllegalStateException.class);
  }
}
