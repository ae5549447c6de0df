package io.armadaproject.spark.e2e;

import io.armadaproject.spark.api.EventStreamMessage;
import io.armadaproject.spark.api.JobPreemptRequest;
import io.armadaproject.spark.api.SubmitGrpc;
import io.armadaproject.spark.core.client.ArmadaClient;
import io.armadaproject.spark.core.client.ArmadaClientOptions;
import io.armadaproject.spark.core.client.ArmadaEndpoint;
import io.armadaproject.spark.localarmada.admin.AdminGrpc;
import io.armadaproject.spark.localarmada.admin.DropEventStreamsRequest;
import io.armadaproject.spark.localarmada.admin.FailJobRequest;
import io.armadaproject.spark.localarmada.admin.GetStatsRequest;
import io.armadaproject.spark.localarmada.admin.OutageRequest;
import io.armadaproject.spark.localarmada.admin.Stats;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** local-armada started as its own process (java -jar), the way the demo and users start it. */
final class LocalArmadaProcess implements AutoCloseable {
  final Path workDir;
  final int port;
  private final Process process;
  private final Path log;

  private LocalArmadaProcess(Path workDir, Process process, int port, Path log) {
    this.workDir = workDir;
    this.process = process;
    this.port = port;
    this.log = log;
  }

  static LocalArmadaProcess start(Path workDir, String queue, String... extraArgs) throws IOException, InterruptedException {
    Path portFile = workDir.resolve("port");
    Path log = workDir.resolve("local-armada.log");
    List<String> cmd = new ArrayList<>(List.of(
        javaBin(), "-jar", Repo.localArmadaJar().toString(),
        "--port", "0", "--port-file", portFile.toString(),
        "--work-dir", workDir.resolve("armada").toString(),
        "--image", "armada-spark=" + Repo.localImage(),
        "--queue", queue));
    cmd.addAll(List.of(extraArgs));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (Files.exists(portFile) && Files.size(portFile) > 0) {
        String text = Files.readString(portFile).trim();
        if (!text.isEmpty()) {
          return new LocalArmadaProcess(workDir, p, Integer.parseInt(text), log);
        }
      }
      if (!p.isAlive()) {
        throw new IllegalStateException("local-armada exited at start:\n" + Files.readString(log));
      }
      Thread.sleep(100);
    }
    p.destroyForcibly();
    throw new IllegalStateException("local-armada did not write its port within 60 s");
  }

  String master() {
    return "armada://127.0.0.1:" + port;
  }

  ArmadaClient client() {
    return ArmadaClient.connect(ArmadaEndpoint.parseMaster(master()), ArmadaClientOptions.defaults());
  }

  List<EventStreamMessage> jobSetEvents(String queue, String jobSetId) {
    try (ArmadaClient client = client()) {
      return client.readJobSet(queue, jobSetId);
    }
  }

  /** local-armada's own counters (SubmitJobs calls received, live container processes, ...). */
  Stats stats() throws InterruptedException {
    return admin(stub -> stub.getStats(GetStatsRequest.getDefaultInstance()));
  }

  /** Fault injection: local-armada stops the job's pod and reports the job failed with {@code reason}. */
  boolean failJob(String jobId, String reason) throws InterruptedException {
    return admin(stub -> stub.failJob(FailJobRequest.newBuilder().setJobId(jobId).setReason(reason).build()))
        .getFailed();
  }

  /** SIGKILLs one executor JVM among the pods local-armada runs; false when none runs. */
  boolean killOneExecutorJvm() {
    return process.descendants()
        .filter(h -> h.info().commandLine().map(c -> c.contains("CoarseGrainedExecutorBackend")).orElse(false))
        .findFirst().map(ProcessHandle::destroyForcibly).orElse(false);
  }

  /** Fault injection: an Armada outage; the gRPC port closes for {@code seconds}, pods keep running. */
  void outage(int seconds) throws InterruptedException {
    admin(stub -> stub.outage(OutageRequest.newBuilder().setSeconds(seconds).build()));
  }

  /** Fault injection: every open event stream ends with UNAVAILABLE; clients must resume. */
  int dropEventStreams() throws InterruptedException {
    return admin(stub -> stub.dropEventStreams(DropEventStreamsRequest.getDefaultInstance())).getDropped();
  }

  /** Armada's own PreemptJobs call: preempting, then preempted and failed. */
  void preempt(String queue, String jobSetId, String jobId) throws InterruptedException {
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    try {
      SubmitGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS).preemptJobs(JobPreemptRequest
          .newBuilder().setQueue(queue).setJobSetId(jobSetId).addJobIds(jobId).setReason("e2e preemption").build());
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private <T> T admin(java.util.function.Function<AdminGrpc.AdminBlockingStub, T> call) throws InterruptedException {
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    try {
      return call.apply(AdminGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS));
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  /** The output of one container of a job, as local-armada logged it. */
  String containerLog(String jobId, String container) throws IOException {
    return Files.readString(workDir.resolve("armada/logs").resolve(jobId).resolve(container + ".log"), StandardCharsets.UTF_8);
  }

  String log() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  /** Processes whose command line mentions this test's work directory (pods, local-armada itself). */
  List<String> processesMentioningWorkDir() {
    String marker = workDir.toString();
    return ProcessHandle.allProcesses()
        .filter(h -> h.pid() != ProcessHandle.current().pid())
        .filter(h -> h.info().commandLine().map(c -> c.contains(marker)).orElse(false))
        .map(h -> h.pid() + " " + h.info().commandLine().orElse(""))
        .collect(Collectors.toList());
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy(); // SIGTERM: local-armada stops every pod it started
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
    }
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
