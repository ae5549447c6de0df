package io.armadaproject.spark.submit.cluster;

import io.armadaproject.spark.api.EventGrpc;
import io.armadaproject.spark.api.EventMessage;
import io.armadaproject.spark.api.EventStreamMessage;
import io.armadaproject.spark.api.JobSetRequest;
import io.armadaproject.spark.api.JobSubmitRequest;
import io.armadaproject.spark.api.JobSubmitRequestItem;
import io.armadaproject.spark.api.JobSucceededEvent;
import io.armadaproject.spark.core.client.ArmadaClient;
import io.armadaproject.spark.core.client.ArmadaClientOptions;
import io.armadaproject.spark.k8s.core.v1.Container;
import io.armadaproject.spark.k8s.core.v1.EnvVar;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Test harness for the key-effect tests: runs a whole cluster-mode submission against an
 * in-process Armada and keeps what was submitted and printed.
 */
final class KeyEffects {
  private KeyEffects() {}

  /** What one submission sent and printed. */
  static final class Submitted {
    final JobSubmitRequest driverRequest;
    final JobSubmitRequest executorRequest;
    final String output;
    final int exit;

    Submitted(List<JobSubmitRequest> requests, String output, int exit) {
      this.driverRequest = requests.get(0);
      this.executorRequest = requests.size() > 1 ? requests.get(1) : null;
      this.output = output;
      this.exit = exit;
    }

    JobSubmitRequestItem driver() {
      return driverRequest.getJobRequestItems(0);
    }

    List<JobSubmitRequestItem> executors() {
      return executorRequest.getJobRequestItemsList();
    }

    Container driverContainer() {
      return driver().getPodSpec().getContainers(0);
    }

    Container executorContainer() {
      return executors().get(0).getPodSpec().getContainers(0);
    }

    Container initContainer() {
      return executors().get(0).getPodSpec().getInitContainers(0);
    }
  }

  static final class Row {
    final String key;
    final String value;
    final Consumer<Submitted> effect;
    /** Other settings the key needs to take effect (e.g. the switch of its feature). */
    final Map<String, String> context = new LinkedHashMap<>();

    Row(String key, String value, Consumer<Submitted> effect) {
      this.key = key;
      this.value = value;
      this.effect = effect;
    }

    /** The fake Armada's event stream stays silent: the driver job never ends. */
    boolean driverNeverEnds;

    Row with(Map<String, String> settings) {
      context.putAll(settings);
      return this;
    }

    Row driverNeverEnds() {
      driverNeverEnds = true;
      return this;
    }

    @Override
    public String toString() {
      return key + "=" + value;
    }
  }

  static Row row(String key, String value, Consumer<Submitted> effect) {
    return new Row(key, value, effect);
  }

  /** Submits with {@code row}'s key and context set; the fake Armada reports the driver succeeded. */
  static Submitted submit(Row row) throws Exception {
    Submissions sub = new Submissions().set("spark.executor.instances", "2")
        .set("spark.armada.driver.watchEnabled", "false");
    row.context.forEach(sub::set);
    sub.set(row.key, row.value);
    FakeSubmitService armada = new FakeSubmitService();
    String name = InProcessServerBuilder.generateName();
    Server server = InProcessServerBuilder.forName(name).directExecutor().addService(armada)
        .addService(new DriverEvents(row.driverNeverEnds)).build().start();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try {
      int exit = new ClusterModeSubmitter(new PrintStream(printed, true, StandardCharsets.UTF_8),
          (endpoint, options) -> ArmadaClient.forChannel(endpoint,
              InProcessChannelBuilder.forName(name).directExecutor().build(), ArmadaClientOptions.defaults()))
          .run(sub.args());
      return new Submitted(armada.requests, printed.toString(StandardCharsets.UTF_8), exit);
    } finally {
      server.shutdownNow();
    }
  }

  /** An event service on which the driver job, job-0, has already succeeded (or never ends). */
  private static final class DriverEvents extends EventGrpc.EventImplBase {
    private final boolean silent;

    DriverEvents(boolean silent) {
      this.silent = silent;
    }

    @Override
    public void getJobSetEvents(JobSetRequest request, StreamObserver<EventStreamMessage> response) {
      if (silent) {
        return; // the stream stays open with nothing on it
      }
      response.onNext(EventStreamMessage.newBuilder().setId("1").setMessage(EventMessage.newBuilder()
          .setSucceeded(JobSucceededEvent.newBuilder().setJobId("job-0").setJobSetId(request.getId())
              .setQueue(request.getQueue()))).build());
      response.onCompleted();
    }
  }

  static String env(Container c, String name) {
    return c.getEnvList().stream().filter(e -> e.getName().equals(name)).map(EnvVar::getValue)
        .findFirst().orElse(null);
  }
}
