package io.armadaproject.spark.submit.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.armadaproject.spark.api.EventGrpc;
import io.armadaproject.spark.api.EventMessage;
import io.armadaproject.spark.api.EventStreamMessage;
import io.armadaproject.spark.api.Job;
import io.armadaproject.spark.api.JobRunningEvent;
import io.armadaproject.spark.api.JobSetRequest;
import io.armadaproject.spark.api.JobSubmittedEvent;
import io.armadaproject.spark.core.client.ArmadaClient;
import io.armadaproject.spark.core.client.ArmadaClientOptions;
import io.armadaproject.spark.core.client.ArmadaEndpoint;
import io.armadaproject.spark.submit.cluster.FakeSubmitService;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The driver's stop and connection settings, against an in-process Armada with two running executors. */
class ArmadaDriverSideTest {
  private final FakeSubmitService submit = new FakeSubmitService();
  private final String name = InProcessServerBuilder.generateName();
  private final AtomicReference<ArmadaEndpoint> connectedTo = new AtomicReference<>();
  private Server server;

  /** Executors 1 and 2 of application "app", both running; the stream then stays open. */
  private static final class TwoRunningExecutors extends EventGrpc.EventImplBase {
    @Override
    public void getJobSetEvents(JobSetRequest request, StreamObserver<EventStreamMessage> response) {
      int id = 0;
      for (String exec : List.of("1", "2")) {
        Job job = Job.newBuilder().setId("job-" + exec).putLabels("spark-app-selector", "app")
            .putLabels("spark-role", "executor").putLabels("spark-exec-id", exec).build();
        response.onNext(message(++id, EventMessage.newBuilder()
            .setSubmitted(JobSubmittedEvent.newBuilder().setJobId(job.getId()).setJob(job)).build()));
        response.onNext(message(++id, EventMessage.newBuilder()
            .setRunning(JobRunningEvent.newBuilder().setJobId(job.getId())).build()));
      }
    }

    private static EventStreamMessage message(int id, EventMessage m) {
      return EventStreamMessage.newBuilder().setId(Integer.toString(id)).setMessage(m).build();
    }
  }

  private ArmadaDriverSide started(Map<String, String> extra) throws Exception {
    server = InProcessServerBuilder.forName(name).directExecutor().addService(submit)
        .addService(new TwoRunningExecutors()).build().start();
    Map<String, String> conf = new HashMap<>(Map.of("spark.armada.queue", "q", "spark.master", "armada://armada:50051"));
    conf.putAll(extra);
    ArmadaDriverSide side = new ArmadaDriverSide(conf, Map.of("ARMADA_JOB_SET_ID", "set"), (endpoint, options) -> {
      connectedTo.set(endpoint);
      return ArmadaClient.forChannel(endpoint, InProcessChannelBuilder.forName(name).directExecutor().build(),
          ArmadaClientOptions.defaults());
    }, Duration.ofSeconds(30), (id, reason, byApp) -> { }, message -> { });
    side.start("app");
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (side.runningExecutorJobs() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(side.runningExecutorJobs()).isEqualTo(2);
    return side;
  }

  @AfterEach
  void stopServer() {
    server.shutdownNow();
  }

  @Test
  void afterTheKillGracePeriodRunningExecutorsAreCancelled() throws Exception {
    ArmadaDriverSide side = started(Map.of("spark.armada.killGracePeriod", "200ms"));
    side.stop();
    assertThat(submit.cancelled).containsExactlyInAnyOrder("job-1", "job-2");
  }

  @Test
  void deleteExecutorsFalseLeavesThemToEndOnTheirOwn() throws Exception {
    ArmadaDriverSide side = started(Map.of("spark.armada.deleteExecutors", "false"));
    side.stop();
    assertThat(submit.cancelled).isEmpty();
  }

  @Test
  void eventWatcherUseTlsMakesTheDriversConnectionTls() throws Exception {
    started(Map.of("spark.armada.eventWatcher.useTls", "true", "spark.armada.deleteExecutors", "false")).stop();
    assertThat(connectedTo.get().isTls()).isTrue();
    assertThat(connectedTo.get().host()).isEqualTo("armada");
  }
}
