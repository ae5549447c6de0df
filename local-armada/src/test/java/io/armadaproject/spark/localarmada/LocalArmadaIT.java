package io.armadaproject.spark.localarmada;

import static io.armadaproject.spark.api.EventMessage.EventsCase.CANCELLED;
import static io.armadaproject.spark.api.EventMessage.EventsCase.CANCELLING;
import static io.armadaproject.spark.api.EventMessage.EventsCase.FAILED;
import static io.armadaproject.spark.api.EventMessage.EventsCase.LEASED;
import static io.armadaproject.spark.api.EventMessage.EventsCase.PENDING;
import static io.armadaproject.spark.api.EventMessage.EventsCase.PREEMPTED;
import static io.armadaproject.spark.api.EventMessage.EventsCase.PREEMPTING;
import static io.armadaproject.spark.api.EventMessage.EventsCase.QUEUED;
import static io.armadaproject.spark.api.EventMessage.EventsCase.RUNNING;
import static io.armadaproject.spark.api.EventMessage.EventsCase.SUBMITTED;
import static io.armadaproject.spark.api.EventMessage.EventsCase.SUCCEEDED;
import static io.armadaproject.spark.localarmada.TestJobs.container;
import static io.armadaproject.spark.localarmada.TestJobs.env;
import static io.armadaproject.spark.localarmada.TestJobs.gangItem;
import static io.armadaproject.spark.localarmada.TestJobs.item;
import static io.armadaproject.spark.localarmada.TestJobs.pod;
import static io.armadaproject.spark.localarmada.TestJobs.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.armadaproject.spark.api.ContainerStatus;
import io.armadaproject.spark.api.EventMessage;
import io.armadaproject.spark.api.JobCancelRequest;
import io.armadaproject.spark.api.JobPreemptRequest;
import io.armadaproject.spark.api.JobSubmitRequest;
import io.armadaproject.spark.api.ServiceConfig;
import io.armadaproject.spark.api.ServiceType;
import io.armadaproject.spark.k8s.core.v1.Container;
import io.armadaproject.spark.k8s.core.v1.ContainerPort;
import io.armadaproject.spark.k8s.core.v1.EnvVar;
import io.armadaproject.spark.k8s.core.v1.EnvVarSource;
import io.armadaproject.spark.k8s.core.v1.ObjectFieldSelector;
import io.armadaproject.spark.k8s.core.v1.PodSpec;
import io.armadaproject.spark.localarmada.admin.GetStatsRequest;
import io.armadaproject.spark.localarmada.admin.JobInfo;
import io.armadaproject.spark.localarmada.admin.ListJobsRequest;
import io.armadaproject.spark.localarmada.admin.Stats;
import io.armadaproject.spark.localarmada.fixtures.LocalImageFixture;
import io.armadaproject.spark.localarmada.fixtures.TinyDriver;
import io.armadaproject.spark.localarmada.fixtures.TinyExecutor;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** local-armada on a real port, running pods from a local image directory as processes. */
class LocalArmadaIT {

  private static final String QUEUE = "it";
  private static final int DEADLINE = 120;

  @TempDir
  static Path root;

  private static Path image;
  private static LocalArmadaServer server;
  private static ArmadaClients clients;

  @BeforeAll
  static void start() throws Exception {
    image = LocalImageFixture.write(root.resolve("image"));
    server = LocalArmadaServer.start(LocalArmadaOptions.parse("--port", "0", "--work-dir", root.resolve("work").toString(),
        "--image", "it-image=" + image, "--queue", QUEUE));
    clients = new ArmadaClients(ManagedChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build());
  }

  @AfterAll
  static void stop() throws Exception {
    clients.close();
    server.close();
    assertThat(Processes.mentioning(root.toString())).as("processes left after local-armada stopped").isEmpty();
  }

  @Test
  void jobPrintsItsEnvironmentAndSucceeds() throws IOException {
    JobSubmitRequest request = request(QUEUE, "env-set", item(pod(container("main", "it-image:1.0")
        .addArgs("env").addArgs("local:///opt/app/data.txt").addArgs("$(GREETING)").addArgs("$(ARMADA_QUEUE)")
        .addEnv(field("MY_POD_IP", "status.podIP"))
        .addEnv(env("GREETING", "hello-$(MY_POD_IP)"))
        .addEnv(env("SPARK_LOCAL_DIRS", "/opt/app/tmp"))
        .addEnv(field("MY_JOB", "metadata.labels['armada_job_id']"))))
        .putLabels("app", "env-{JobId}"));
    Stats before = clients.admin.getStats(GetStatsRequest.getDefaultInstance());
    String jobId = clients.submit.submitJobs(request).getJobResponseItems(0).getJobId();
    Stats after = clients.admin.getStats(GetStatsRequest.getDefaultInstance());
    assertThat(after.getSubmitJobsCalls()).isEqualTo(before.getSubmitJobsCalls() + 1);
    assertThat(after.getJobsTotal()).isEqualTo(before.getJobsTotal() + 1);

    Map<String, List<EventMessage.EventsCase>> seen = clients.watchUntilDone(QUEUE, "env-set", List.of(jobId), DEADLINE);
    assertThat(seen.get(jobId)).containsExactly(SUBMITTED, QUEUED, LEASED, PENDING, RUNNING, SUCCEEDED);

    JobInfo job = onlyJob("env-set");
    assertThat(job.getState()).isEqualTo("SUCCEEDED");
    assertThat(job.getExitCodesMap()).isEqualTo(Map.of("main", 0));
    // this instance's own loopback range 127.S.x.y, never 127.0.0.1
    assertThat(job.getPodIp()).startsWith("127." + (1 + ProcessHandle.current().pid() % 254) + ".");
    assertThat(job.getLabelsMap()).containsEntry("app", "env-" + jobId).containsEntry("armada_job_id", jobId)
        .containsEntry("armada_queue_id", QUEUE).containsEntry("armada_pod_number", "0")
        .containsEntry("armada_pod_count", "1");
    assertThat(job.getAnnotationsMap()).containsEntry("armada_jobset_id", "env-set")
        .containsEntry("armada_owner", "anonymous");
    String log = Files.readString(Path.of(job.getLogDir()).resolve("main.log"));
    String imageRoot = image.toAbsolutePath().toString();
    assertThat(log.lines()).contains(
        "args: local://" + imageRoot + "/opt/app/data.txt hello-" + job.getPodIp() + " " + QUEUE,
        "pwd: " + root.resolve("work/pods").resolve(jobId).resolve("main").toAbsolutePath(),
        "APP_HOME=" + imageRoot + "/opt/app",
        "SPARK_LOCAL_DIRS=" + imageRoot + "/opt/app/tmp",
        "MY_POD_IP=" + job.getPodIp(),
        "MY_JOB=" + jobId,
        "ARMADA_JOB_ID=" + jobId,
        "ARMADA_QUEUE=" + QUEUE,
        "ARMADA_JOB_SET_ID=env-set",
        "HOSTNAME=armada-" + jobId + "-0",
        "LOCAL_ARMADA_HOSTS_FILE=" + server.hostsFile(),
        "JAVA_TOOL_OPTIONS=-Djdk.net.hosts.file=" + server.hostsFile(),
        "data file of the image");
    assertThat(log).doesNotContain("HOME=/root", "USER=");
  }

  @Test
  void failingContainerFailsTheJobWithItsExitCode() {
    String jobId = clients.submit.submitJobs(request(QUEUE, "fail-set",
        item(pod(container("main", "it-image").addArgs("fail"))))).getJobResponseItems(0).getJobId();
    EventMessage failed = clients.awaitEvent(QUEUE, "fail-set", jobId, FAILED, DEADLINE);

    assertThat(Events.kinds(clients.storedEvents(QUEUE, "fail-set"), jobId))
        .containsExactly(SUBMITTED, QUEUED, LEASED, PENDING, RUNNING, FAILED);
    assertThat(failed.getFailed().getReason()).isEqualTo("Container main failed with exit code 3");
    assertThat(failed.getFailed().getPodName()).isEqualTo("armada-" + jobId + "-0");
    assertThat(failed.getFailed().getContainerStatusesList()).extracting(ContainerStatus::getName, ContainerStatus::getExitCode)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("main", 3));
    assertThat(failed.getFailed().getContainerStatuses(0).getMessage()).contains("about to fail");
    assertThat(onlyJob("fail-set").getExitCodesMap()).isEqualTo(Map.of("main", 3));
  }

  @Test
  void gangMembersRunTogetherAndExecutorsReachTheDriverByServiceName() throws IOException {
    String classes = LocalImageFixture.testClasses();
    Container.Builder driver = container("driver", "it-image")
        .addArgs("java").addArgs(TinyDriver.class.getName()).addArgs("2")
        .addPorts(ContainerPort.newBuilder().setContainerPort(7078).setName("driver"))
        .addEnv(env("TEST_CLASSES", classes)).addEnv(env("JAVA_TOOL_OPTIONS", "-Xmx64m"))
        .addEnv(field("POD_IP", "status.podIP"));
    String driverId = clients.submit.submitJobs(request(QUEUE, "gang-set", gangItem(pod(driver), "gang-1", 3)
        .addServices(ServiceConfig.newBuilder().setType(ServiceType.Headless).addPorts(7078).addPorts(4040))))
        .getJobResponseItems(0).getJobId();
    assertThat(Events.kinds(clients.storedEvents(QUEUE, "gang-set"), driverId)).containsExactly(SUBMITTED, QUEUED);

    String driverService = "armada-" + driverId + "-0-service-0";
    PodSpec executor = pod(container("executor", "it-image")
        .addArgs("java").addArgs(TinyExecutor.class.getName())
        .addEnv(env("TEST_CLASSES", classes)).addEnv(env("JAVA_TOOL_OPTIONS", "-Xmx64m"))
        .addEnv(env("DRIVER_HOST", driverService)))
        .toBuilder()
        .addInitContainers(container("wait-for-driver", "busybox").addCommand("sh").addCommand("-c")
            .addCommand("until nc -z $DRIVER_HOST 7078; do echo waiting for driver; sleep 0.2; done; echo driver found")
            .addEnv(env("DRIVER_HOST", driverService)))
        .build();
    List<String> executorIds = clients.submit.submitJobs(request(QUEUE, "gang-set",
            gangItem(executor, "gang-1", 3), gangItem(executor, "gang-1", 3)))
        .getJobResponseItemsList().stream().map(item -> item.getJobId()).toList();

    List<String> all = List.of(driverId, executorIds.get(0), executorIds.get(1));
    Map<String, List<EventMessage.EventsCase>> seen = clients.watchUntilDone(QUEUE, "gang-set", all, DEADLINE);
    assertThat(seen).allSatisfy((id, kinds) ->
        assertThat(kinds).as("events of %s", id).containsExactly(SUBMITTED, QUEUED, LEASED, PENDING, RUNNING, SUCCEEDED));

    List<JobInfo> jobs = clients.admin.listJobs(ListJobsRequest.newBuilder().setQueue(QUEUE).setJobSetId("gang-set")
        .build()).getJobsList();
    JobInfo driverJob = jobs.stream().filter(job -> job.getJobId().equals(driverId)).findFirst().orElseThrow();
    assertThat(driverJob.getServiceNamesList()).containsExactly(driverService);
    String driverLog = Files.readString(Path.of(driverJob.getLogDir()).resolve("driver.log"));
    assertThat(driverLog).contains("driver listening on /" + driverJob.getPodIp() + ":7078",
        "driver got: hello from " + executorIds.get(0), "driver got: hello from " + executorIds.get(1));
    for (String executorId : executorIds) {
      JobInfo job = jobs.stream().filter(candidate -> candidate.getJobId().equals(executorId)).findFirst().orElseThrow();
      assertThat(job.getContainerNamesList()).containsExactly("wait-for-driver", "executor");
      assertThat(job.getExitCodesMap()).isEqualTo(Map.of("wait-for-driver", 0, "executor", 0));
      assertThat(Files.readString(Path.of(job.getLogDir()).resolve("executor.log")))
          .contains("resolved " + driverService + " to " + driverJob.getPodIp());
      assertThat(Files.readString(Path.of(job.getLogDir()).resolve("wait-for-driver.log"))).contains("driver found");
    }
    assertThat(Files.readString(server.hostsFile())).doesNotContain(driverId);
  }

  @Test
  void cancelledSleeperIsKilledWithItsChildren() throws IOException {
    Path pidFile = root.resolve("sleeper.pids");
    String jobId = clients.submit.submitJobs(request(QUEUE, "cancel-set", item(pod(container("main", "it-image")
        .addArgs("sleep").addEnv(env("PID_FILE", pidFile.toString()))))))
        .getJobResponseItems(0).getJobId();
    clients.awaitEvent(QUEUE, "cancel-set", jobId, RUNNING, DEADLINE);
    List<Long> pids = Processes.awaitPids(pidFile, 2);
    assertThat(pids).allSatisfy(pid -> assertThat(Processes.isAlive(pid)).isTrue());

    clients.submit.cancelJobs(JobCancelRequest.newBuilder().setQueue(QUEUE).setJobSetId("cancel-set").addJobIds(jobId)
        .build());
    clients.awaitEvent(QUEUE, "cancel-set", jobId, CANCELLED, DEADLINE);

    assertThat(Events.kinds(clients.storedEvents(QUEUE, "cancel-set"), jobId))
        .containsExactly(SUBMITTED, QUEUED, LEASED, PENDING, RUNNING, CANCELLING, CANCELLED);
    assertThat(pids).allSatisfy(pid -> assertThat(Processes.isAlive(pid)).as("pid %d", pid).isFalse());
    assertThat(onlyJob("cancel-set").getState()).isEqualTo("CANCELLED");
  }

  @Test
  void preemptedJobIsStoppedAndFails() {
    Path pidFile = root.resolve("preempted.pids");
    String jobId = clients.submit.submitJobs(request(QUEUE, "preempt-set", item(pod(container("main", "it-image")
        .addArgs("sleep").addEnv(env("PID_FILE", pidFile.toString()))))))
        .getJobResponseItems(0).getJobId();
    clients.awaitEvent(QUEUE, "preempt-set", jobId, RUNNING, DEADLINE);
    clients.submit.preemptJobs(JobPreemptRequest.newBuilder().setQueue(QUEUE).setJobSetId("preempt-set")
        .addJobIds(jobId).build());
    EventMessage failed = clients.awaitEvent(QUEUE, "preempt-set", jobId, FAILED, DEADLINE);

    assertThat(Events.kinds(clients.storedEvents(QUEUE, "preempt-set"), jobId))
        .containsExactly(SUBMITTED, QUEUED, LEASED, PENDING, RUNNING, PREEMPTING, PREEMPTED, FAILED);
    assertThat(failed.getFailed().getReason()).isEqualTo("Preempted - preemption requested via API");
    assertThat(onlyJob("preempt-set").getState()).isEqualTo("PREEMPTED");
  }

  @Test
  void failingInitContainerFailsThePodBeforeItsContainersStart() {
    PodSpec spec = pod(container("main", "it-image").addArgs("env")).toBuilder()
        .addInitContainers(container("setup", "busybox").addCommand("sh").addCommand("-c").addCommand("exit 7"))
        .build();
    String jobId = clients.submit.submitJobs(request(QUEUE, "init-set", item(spec))).getJobResponseItems(0).getJobId();
    EventMessage failed = clients.awaitEvent(QUEUE, "init-set", jobId, FAILED, DEADLINE);

    assertThat(failed.getFailed().getReason()).isEqualTo("Init container setup failed with exit code 7");
    assertThat(Events.kinds(clients.storedEvents(QUEUE, "init-set"), jobId))
        .containsExactly(SUBMITTED, QUEUED, LEASED, PENDING, FAILED);
    assertThat(onlyJob("init-set").getExitCodesMap()).isEqualTo(Map.of("setup", 7));
  }

  private static JobInfo onlyJob(String jobSet) {
    List<JobInfo> jobs = clients.admin.listJobs(ListJobsRequest.newBuilder().setQueue(QUEUE).setJobSetId(jobSet).build())
        .getJobsList();
    assertThat(jobs).hasSize(1);
    return jobs.get(0);
  }

  private static EnvVar field(String name, String path) {
    return EnvVar.newBuilder().setName(name).setValueFrom(EnvVarSource.newBuilder()
        .setFieldRef(ObjectFieldSelector.newBuilder().setFieldPath(path))).build();
  }

}
