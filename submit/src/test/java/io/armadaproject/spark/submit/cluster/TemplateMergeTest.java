package io.armadaproject.spark.submit.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.armadaproject.spark.api.JobSubmitRequestItem;
import io.armadaproject.spark.k8s.core.v1.Container;
import io.armadaproject.spark.k8s.core.v1.EnvVar;
import io.armadaproject.spark.k8s.core.v1.PodSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Templates merged with the command line, field by field: command line > item template > job template > default. */
class TemplateMergeTest {
  static final String DRIVER_TEMPLATE = String.join("\n",
      "priority: 3",
      "namespace: spark-jobs",
      "labels: {team: tmpl, tier: gold}",
      "annotations: {example.com/from: driver-template}",
      "podSpec:",
      "  priorityClassName: armada-preemptible",
      "  terminationGracePeriodSeconds: 45",
      "  securityContext: {runAsUser: 1000, fsGroup: 2000}",
      "  nodeSelector: {disk: ssd, zone: a}",
      "  tolerations: [{key: gpu, operator: Exists, effect: NoSchedule}]",
      "  volumes: [{name: data, emptyDir: {}}]",
      "  initContainers:",
      "    - {name: setup, image: busybox, resources: {limits: {cpu: 100m, memory: 64Mi}}}",
      "  containers:",
      "    - name: ROLE",
      "      image: tmpl-image:1",
      "      env: [{name: FROM_TEMPLATE, value: 'yes'}, {name: SPARK_CONF_DIR, value: /wrong}]",
      "      envFrom: [{secretRef: {name: creds}}]",
      "      volumeMounts: [{name: data, mountPath: /data}]",
      "      livenessProbe: {tcpSocket: {port: 7078}}",
      "      resources: {limits: {cpu: 2, memory: 3Gi, nvidia.com/gpu: 1}}",
      "    - {name: logs, image: fluent-bit}");
  static final String JOB_TEMPLATE = String.join("\n",
      "queue: template-queue",
      "job_set_id: template-set",
      "job_request_items:",
      "  - labels: {team: job-template, cost-centre: cc1}",
      "    annotations: {example.com/from: job-template, example.com/job: 'yes'}");

  @TempDir Path tmp;
  private Path driverTemplate;
  private Path executorTemplate;
  private Path jobTemplate;

  @BeforeEach
  void writeTemplates() throws Exception {
    driverTemplate = Files.writeString(tmp.resolve("driver.yaml"), DRIVER_TEMPLATE.replace("ROLE", "driver"));
    executorTemplate = Files.writeString(tmp.resolve("executor.yaml"), DRIVER_TEMPLATE.replace("ROLE", "executor"));
    jobTemplate = Files.writeString(tmp.resolve("job.yaml"), JOB_TEMPLATE);
  }

  private Submissions withTemplates() {
    return new Submissions().unset("spark.armada.container.image").unset("spark.armada.queue")
        .set("spark.armada.jobTemplate", "file://" + jobTemplate)
        .set("spark.armada.driver.jobItemTemplate", driverTemplate.toString())
        .set("spark.armada.executor.jobItemTemplate", executorTemplate.toString());
  }

  @Test
  void templateValuesApplyWhereTheCommandLineIsSilent() {
    ResolvedSubmission s = withTemplates().resolve();
    assertThat(s.queue()).isEqualTo("template-queue");
    assertThat(s.jobSetId()).isEqualTo("template-set");
    for (JobSubmitRequestItem item : List.of(new DriverJobFactory().build(s), new ExecutorJobFactory().build(s, "d", 1))) {
      assertThat(item.getPriority()).isEqualTo(3.0);
      assertThat(item.getNamespace()).isEqualTo("spark-jobs");
      assertThat(item.getLabelsMap()).containsEntry("team", "tmpl").containsEntry("tier", "gold")
          .containsEntry("cost-centre", "cc1");
      assertThat(item.getAnnotationsMap()).containsEntry("example.com/from", "driver-template")
          .containsEntry("example.com/job", "yes");
      PodSpec pod = item.getPodSpec();
      assertThat(pod.getPriorityClassName()).isEqualTo("armada-preemptible");
      assertThat(pod.getTerminationGracePeriodSeconds()).isEqualTo(45);
      assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(1000);
      assertThat(pod.getSecurityContext().getFsGroup()).isEqualTo(2000);
      assertThat(pod.getNodeSelectorMap()).containsEntry("disk", "ssd").containsEntry("zone", "a");
      assertThat(pod.getTolerations(0).getKey()).isEqualTo("gpu");
      assertThat(pod.getVolumes(0).getName()).isEqualTo("data");
      assertThat(pod.getInitContainers(0).getName()).isEqualTo("setup");
      assertThat(pod.getContainersList().stream().map(Container::getName)).endsWith("logs");
      Container main = pod.getContainers(0);
      assertThat(main.getImage()).isEqualTo("tmpl-image:1");
      assertThat(main.getEnvFrom(0).getSecretRef().getLocalObjectReference().getName()).isEqualTo("creds");
      assertThat(main.getVolumeMounts(0).getMountPath()).isEqualTo("/data");
      assertThat(main.getLivenessProbe().getHandler().getTcpSocket().getPort().getIntVal()).isEqualTo(7078);
      assertThat(main.getResources().getRequestsMap().get("cpu").getString()).isEqualTo("2");
      assertThat(main.getResources().getLimitsMap().get("memory").getString()).isEqualTo("3Gi");
      assertThat(main.getResources().getLimitsMap().get("nvidia.com/gpu").getString()).isEqualTo("1");
      assertThat(envNames(main)).contains("FROM_TEMPLATE").doesNotHaveDuplicates();
    }
    Container driver = new DriverJobFactory().build(s).getPodSpec().getContainers(0);
    assertThat(driver.getEnvList().stream().filter(e -> e.getName().equals("SPARK_CONF_DIR")).map(EnvVar::getValue))
        .containsExactly("/opt/spark/conf");
    PodSpec executorPod = new ExecutorJobFactory().build(s, "d", 1).getPodSpec();
    assertThat(executorPod.getInitContainersList().stream().map(Container::getName))
        .containsExactly("setup", "wait-for-driver");
  }

  @Test
  void theCommandLineWinsFieldByField() {
    ResolvedSubmission s = withTemplates()
        .set("spark.armada.queue", "cli-queue").set("spark.armada.jobSetId", "cli-set")
        .set("spark.armada.container.image", "cli-image:2")
        .set("spark.armada.scheduling.priority", "1").set("spark.armada.scheduling.namespace", "cli-ns")
        .set("spark.armada.pod.labels", "team=cli").set("spark.armada.pod.annotations", "example.com/from=cli")
        .set("spark.armada.runAsUser", "7").set("spark.armada.scheduling.nodeSelectors", "zone=b")
        .set("spark.armada.scheduling.initialPriorityClass", "armada-default")
        .set("spark.armada.executor.preemptionGracePeriod", "90s")
        .set("spark.armada.executor.limit.cores", "4").set("spark.armada.executor.request.cores", "4")
        .resolve();
    assertThat(s.queue()).isEqualTo("cli-queue");
    assertThat(s.jobSetId()).isEqualTo("cli-set");
    JobSubmitRequestItem executor = new ExecutorJobFactory().build(s, "d", 1);
    assertThat(executor.getPriority()).isEqualTo(1.0);
    assertThat(executor.getNamespace()).isEqualTo("cli-ns");
    assertThat(executor.getLabelsMap()).containsEntry("team", "cli").containsEntry("tier", "gold");
    assertThat(executor.getAnnotationsMap()).containsEntry("example.com/from", "cli");
    PodSpec pod = executor.getPodSpec();
    assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(7);
    assertThat(pod.getSecurityContext().getFsGroup()).as("other template fields stay").isEqualTo(2000);
    assertThat(pod.getNodeSelectorMap()).containsEntry("zone", "b").containsEntry("disk", "ssd");
    assertThat(pod.getPriorityClassName()).isEqualTo("armada-default");
    assertThat(pod.getTerminationGracePeriodSeconds()).isEqualTo(90);
    Container main = pod.getContainers(0);
    assertThat(main.getImage()).isEqualTo("cli-image:2");
    assertThat(main.getResources().getLimitsMap().get("cpu").getString()).isEqualTo("4");
    assertThat(main.getResources().getLimitsMap().get("memory").getString()).isEqualTo("3Gi");
  }

  @Test
  void theDriverGetsTheResolvedQueueAndJobSetButNoTemplatePath() {
    ResolvedSubmission s = withTemplates().resolve();
    List<String> args = new DriverJobFactory().build(s).getPodSpec().getContainers(0).getArgsList();
    assertThat(args).contains("spark.armada.queue=template-queue", "spark.armada.jobSetId=template-set");
    assertThat(String.join(" ", args)).doesNotContain("Template").doesNotContain(tmp.toString());
  }

  private static List<String> envNames(Container c) {
    return c.getEnvList().stream().map(EnvVar::getName).collect(Collectors.toList());
  }
}
