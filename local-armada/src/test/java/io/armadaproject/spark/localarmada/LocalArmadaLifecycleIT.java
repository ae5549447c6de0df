package io.armadaproject.spark.localarmada;

import static io.armadaproject.spark.api.EventMessage.EventsCase.RUNNING;
import static io.armadaproject.spark.localarmada.TestJobs.container;
import static io.armadaproject.spark.localarmada.TestJobs.env;
import static io.armadaproject.spark.localarmada.TestJobs.item;
import static io.armadaproject.spark.localarmada.TestJobs.pod;
import static io.armadaproject.spark.localarmada.TestJobs.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.armadaproject.spark.api.EventStreamMessage;
import io.armadaproject.spark.localarmada.admin.GetStatsRequest;
import io.armadaproject.spark.localarmada.admin.OutageRequest;
import io.armadaproject.spark.localarmada.fixtures.LocalImageFixture;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting and stopping local-armada: nothing it started may outlive it, however it ends. */
class LocalArmadaLifecycleIT {

  @TempDir
  Path root;

  @Test
  void closingTheServerKillsEveryPod() throws Exception {
    Path image = LocalImageFixture.write(root.resolve("image"));
    LocalArmadaServer server = LocalArmadaServer.start(LocalArmadaOptions.parse("--port", "0",
        "--work-dir", root.resolve("work").toString(), "--image", "it-image=" + image));
    ArmadaClients clients = new ArmadaClients(
        ManagedChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build());
    try {
      List<Long> pids = startSleeper(clients, root.resolve("pids"));
      assertThat(clients.admin.getStats(GetStatsRequest.getDefaultInstance()).getLiveContainerProcesses()).isEqualTo(1);
      server.close();
      assertThat(pids).allSatisfy(pid -> assertThat(Processes.isAlive(pid)).as("pid %d", pid).isFalse());
      assertThat(Processes.mentioning(root.toString())).isEmpty();
    } finally {
      clients.close();
      server.close();
    }
  }

  @Test
  void anOutageClosesThePortAndComesBackWithTheSameStateWhilePodsRun() throws Exception {
    Path image = LocalImageFixture.write(root.resolve("image"));
    LocalArmadaServer server = LocalArmadaServer.start(LocalArmadaOptions.parse("--port", "0",
        "--work-dir", root.resolve("work").toString(), "--image", "it-image=" + image));
    ArmadaClients clients = new ArmadaClients(
        ManagedChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build());
    try {
      List<Long> pids = startSleeper(clients, root.resolve("pids"));
      List<String> idsBefore = clients.storedEvents("default", "sleepers").stream()
          .map(EventStreamMessage::getId).toList();
      clients.admin.outage(OutageRequest.newBuilder().setSeconds(3).build());
      Thread.sleep(1_000);
      assertThatThrownBy(() -> clients.admin.withDeadlineAfter(2, TimeUnit.SECONDS)
          .getStats(GetStatsRequest.getDefaultInstance())).as("the port is closed").isInstanceOf(StatusRuntimeException.class);
      assertThat(pids).allSatisfy(pid -> assertThat(Processes.isAlive(pid)).as("pod pid %d during the outage", pid).isTrue());
      Thread.sleep(3_500);
      assertThat(clients.admin.withDeadlineAfter(10, TimeUnit.SECONDS).getStats(GetStatsRequest.getDefaultInstance())
          .getLiveContainerProcesses()).as("served again, the pod still running").isEqualTo(1);
      assertThat(clients.storedEvents("default", "sleepers").stream()
          .map(EventStreamMessage::getId).toList()).as("same events, same message ids")
          .isEqualTo(idsBefore);
    } finally {
      clients.close();
      server.close();
    }
  }

  @Test
  void sigtermStopsLocalArmadaAndItsPods() throws Exception {
    Process armada = launch();
    int port = awaitListening(armada);
    ArmadaClients clients = new ArmadaClients(ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build());
    try {
      List<Long> pids = startSleeper(clients, root.resolve("pids"));
      armada.destroy();
      assertThat(armada.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(pids).allSatisfy(pid -> assertThat(Processes.isAlive(pid)).as("pid %d", pid).isFalse());
      assertThat(Processes.mentioning(root.toString())).isEmpty();
    } finally {
      clients.close();
      armada.destroyForcibly();
    }
  }

  @Test
  void podsDieEvenWhenLocalArmadaIsKilled() throws Exception {
    Process armada = launch();
    int port = awaitListening(armada);
    ArmadaClients clients = new ArmadaClients(ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build());
    try {
      List<Long> pids = startSleeper(clients, root.resolve("pids"));
      armada.destroyForcibly();
      assertThat(armada.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(Processes.awaitNoneMentioning(root.toString(), 30)).as("processes left after SIGKILL").isEmpty();
      assertThat(Processes.awaitDead(pids, 30)).as("pids alive after SIGKILL").isEmpty();
    } finally {
      clients.close();
      armada.destroyForcibly();
    }
  }

  @Test
  void launcherScriptShowsHelpAndRejectsBadFlags() throws Exception {
    Path script = Path.of("").toAbsolutePath().getParent().resolve("bin/local-armada");
    Process help = new ProcessBuilder(script.toString(), "--help").redirectErrorStream(true).start();
    String helpText = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(help.waitFor()).isZero();
    assertThat(helpText).startsWith("usage: local-armada").contains("--image NAME=DIR", "--token T", "--port-file F",
        "--tls-cert FILE", "--tls-key FILE");

    Process bad = new ProcessBuilder(script.toString(), "--colour", "red").redirectErrorStream(true).start();
    String badText = new String(bad.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bad.waitFor()).isEqualTo(2);
    assertThat(badText).startsWith("local-armada: unknown option --colour").contains("usage: local-armada");
  }

  /** Submits a job whose entrypoint and its child sleep; returns both pids once it runs. */
  private static List<Long> startSleeper(ArmadaClients clients, Path pidFile) throws IOException {
    String jobId = clients.submit.submitJobs(request("default", "sleepers", item(pod(container("main", "it-image")
        .addArgs("sleep").addEnv(env("PID_FILE", pidFile.toString())))))).getJobResponseItems(0).getJobId();
    clients.awaitEvent("default", "sleepers", jobId, RUNNING, 120);
    List<Long> pids = Processes.awaitPids(pidFile, 2);
    assertThat(pids).allSatisfy(pid -> assertThat(Processes.isAlive(pid)).isTrue());
    return pids;
  }

  private Process launch() throws IOException {
    Path image = LocalImageFixture.write(root.resolve("image"));
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        LocalArmadaMain.class.getName(),
        "--port", "0", "--port-file", root.resolve("port").toString(),
        "--work-dir", root.resolve("work").toString(), "--image", "it-image=" + image));
    return new ProcessBuilder(command).redirectError(root.resolve("armada.err").toFile()).start();
  }

  /** Reads the announced line from stdout and checks it against the port file. */
  private int awaitListening(Process armada) throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(armada.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    assertThat(line).as("stderr: %s", Files.exists(root.resolve("armada.err"))
        ? Files.readString(root.resolve("armada.err")) : "").matches("local-armada listening on 127\\.0\\.0\\.1:[0-9]+");
    int port = Integer.parseInt(line.substring(line.lastIndexOf(':') + 1));
    assertThat(Files.readString(root.resolve("port")).trim()).isEqualTo(Integer.toString(port));
    return port;
  }
}
