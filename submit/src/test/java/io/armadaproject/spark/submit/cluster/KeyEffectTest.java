package io.armadaproject.spark.submit.cluster;

import static io.armadaproject.spark.submit.cluster.KeyEffects.env;
import static io.armadaproject.spark.submit.cluster.KeyEffects.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.armadaproject.spark.api.JobSubmitRequestItem;
import io.armadaproject.spark.core.config.ArmadaConfigKeys;
import io.armadaproject.spark.core.config.ConfigKey;
import io.armadaproject.spark.k8s.core.v1.Container;
import io.armadaproject.spark.submit.cluster.KeyEffects.Row;
import io.armadaproject.spark.submit.cluster.KeyEffects.Submitted;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per {@code spark.armada.*} key: the key is set on an otherwise default submission, the
 * submission runs against an in-process Armada, and the row checks the key's effect on what was
 * submitted or printed. A key without a row (and not listed with the test that shows its effect
 * elsewhere) fails {@link #everyKeyHasAnEffectTest()}.
 */
class KeyEffectTest {
  /** Keys whose effect is not on the submitted jobs, with the test that shows it. */
  static final Map<String, String> SHOWN_ELSEWHERE = Map.ofEntries(
      Map.entry("spark.armada.health.checkTimeout", "e2e BadSubmissionIT (gives up within the timeout)"),
      Map.entry("spark.armada.tls.caCertPath", "ArmadaClientTlsTest, e2e TlsIT"),
      Map.entry("spark.armada.dryRun", "DryRunTest"),
      Map.entry("spark.armada.dryRun.protobufFile", "DryRunTest"),
      Map.entry("spark.armada.allocation.maxPendingJobs", "ExecutorAllocatorTest (the driver's allocator caps its requests)"),
      Map.entry("spark.armada.executor.pendingTimeout", "ExecutorAllocatorTest (stuck executors cancelled and asked again)"),
      Map.entry("spark.armada.allocation.batchSize", "ExecutorAllocatorTest"),
      Map.entry("spark.armada.allocation.checkInterval", "ExecutorAllocatorTest"),
      Map.entry("spark.armada.scheduling.scaleUpPriorityClass", "ExecutorAllocatorTest"),
      Map.entry("spark.armada.deleteExecutors", "ArmadaDriverSideTest"),
      Map.entry("spark.armada.killGracePeriod", "ArmadaDriverSideTest"),
      Map.entry("spark.armada.eventWatcher.useTls", "ArmadaDriverSideTest"));

  @TempDir static Path tmp;

  static Stream<Row> rows() throws Exception {
    Path tokenScript = tmp.resolve("token.sh");
    Files.writeString(tokenScript, "#!/bin/sh\necho script-token\n");
    Files.setPosixFilePermissions(tokenScript, PosixFilePermissions.fromString("rwx------"));
    Path jobTemplate = Files.writeString(tmp.resolve("job.yaml"), "jobRequestItems: [{labels: {from: job-template}}]");
    Path driverTemplate = Files.writeString(tmp.resolve("driver.yaml"), "labels: {from: driver-template}");
    Path executorTemplate = Files.writeString(tmp.resolve("executor.yaml"), "labels: {from: executor-template}");
    return Stream.of(
        row("spark.armada.jobTemplate", jobTemplate.toString(), s -> {
          assertThat(s.driver().getLabelsMap()).containsEntry("from", "job-template");
          assertThat(s.executors().get(0).getLabelsMap()).containsEntry("from", "job-template");
        }),
        row("spark.armada.driver.jobItemTemplate", driverTemplate.toString(), s -> {
          assertThat(s.driver().getLabelsMap()).containsEntry("from", "driver-template");
          assertThat(s.executors().get(0).getLabelsMap()).doesNotContainKey("from");
        }),
        row("spark.armada.executor.jobItemTemplate", "file://" + executorTemplate, s -> {
          assertThat(s.executors().get(1).getLabelsMap()).containsEntry("from", "executor-template");
          assertThat(s.driver().getLabelsMap()).doesNotContainKey("from");
        }),
        row("spark.armada.queue", "q-effect", s -> assertThat(s.driverRequest.getQueue()).isEqualTo("q-effect")),
        row("spark.armada.container.image", "img:effect", s -> {
          assertThat(s.driverContainer().getImage()).isEqualTo("img:effect");
          assertThat(s.executorContainer().getImage()).isEqualTo("img:effect");
        }),
        row("spark.armada.jobSetId", "set-effect", s -> {
          assertThat(s.driverRequest.getJobSetId()).isEqualTo("set-effect");
          assertThat(s.executorRequest.getJobSetId()).isEqualTo("set-effect");
        }),
        row("spark.armada.internalUrl", "armada://armada.internal:50051",
            s -> assertThat(s.driverContainer().getArgsList()).containsSequence("--master", "armada://armada.internal:50051")),
        row("spark.armada.lookouturl", "https://lookout.example",
            s -> assertThat(s.output).contains("Lookout URL for this job set: https://lookout.example/?")),
        row("spark.armada.scheduling.namespace", "ns-effect", s -> {
          assertThat(s.driver().getNamespace()).isEqualTo("ns-effect");
          assertThat(s.executors().get(0).getNamespace()).isEqualTo("ns-effect");
        }),
        row("spark.armada.scheduling.priority", "2.5", s -> {
          assertThat(s.driver().getPriority()).isEqualTo(2.5);
          assertThat(s.executors().get(1).getPriority()).isEqualTo(2.5);
        }),
        row("spark.armada.scheduling.nodeSelectors", "disk=ssd,zone=a", s -> {
          assertThat(s.driver().getPodSpec().getNodeSelectorMap()).containsEntry("disk", "ssd").containsEntry("zone", "a");
          assertThat(s.executors().get(0).getPodSpec().getNodeSelectorMap()).containsEntry("disk", "ssd");
        }),
        row("spark.armada.scheduling.nodeUniformityLabel", "rack", s -> {
          String gangId = s.driver().getAnnotationsOrThrow("armadaproject.io/gangId");
          for (JobSubmitRequestItem item : s.executors()) {
            assertThat(item.getAnnotationsMap()).containsEntry("armadaproject.io/gangId", gangId)
                .containsEntry("armadaproject.io/gangCardinality", "3")
                .containsEntry("armadaproject.io/gangNodeUniformityLabel", "rack");
          }
        }),
        row("spark.armada.pod.labels", "team=effect", s -> {
          assertThat(s.driver().getLabelsMap()).containsEntry("team", "effect");
          assertThat(s.executors().get(0).getLabelsMap()).containsEntry("team", "effect");
        }),
        row("spark.armada.driver.labels", "role-label=d", s -> {
          assertThat(s.driver().getLabelsMap()).containsEntry("role-label", "d");
          assertThat(s.executors().get(0).getLabelsMap()).doesNotContainKey("role-label");
        }),
        row("spark.armada.executor.labels", "role-label=e", s -> {
          assertThat(s.executors().get(0).getLabelsMap()).containsEntry("role-label", "e");
          assertThat(s.driver().getLabelsMap()).doesNotContainKey("role-label");
        }),
        row("spark.armada.runAsUser", "1001", s -> {
          assertThat(s.driver().getPodSpec().getSecurityContext().getRunAsUser()).isEqualTo(1001);
          assertThat(s.executors().get(0).getPodSpec().getSecurityContext().getRunAsUser()).isEqualTo(1001);
        }),
        row("spark.armada.driver.request.cores", "1500m",
            s -> assertThat(s.driverContainer().getResources().getRequestsMap().get("cpu").getString()).isEqualTo("1500m")),
        row("spark.armada.driver.limit.cores", "3",
            s -> assertThat(s.driverContainer().getResources().getLimitsMap().get("cpu").getString()).isEqualTo("3")),
        row("spark.armada.driver.request.memory", "3Gi",
            s -> assertThat(s.driverContainer().getResources().getRequestsMap().get("memory").getString()).isEqualTo("3Gi")),
        row("spark.armada.driver.limit.memory", "5Gi",
            s -> assertThat(s.driverContainer().getResources().getLimitsMap().get("memory").getString()).isEqualTo("5Gi")),
        row("spark.armada.executor.request.cores", "2",
            s -> assertThat(s.executorContainer().getResources().getRequestsMap().get("cpu").getString()).isEqualTo("2")),
        row("spark.armada.executor.limit.cores", "4",
            s -> assertThat(s.executorContainer().getResources().getLimitsMap().get("cpu").getString()).isEqualTo("4")),
        row("spark.armada.executor.request.memory", "6Gi",
            s -> assertThat(s.executorContainer().getResources().getRequestsMap().get("memory").getString()).isEqualTo("6Gi")),
        row("spark.armada.executor.limit.memory", "7Gi",
            s -> assertThat(s.executorContainer().getResources().getLimitsMap().get("memory").getString()).isEqualTo("7Gi")),
        row("spark.armada.executor.connectionTimeout", "42s",
            s -> assertThat(env(s.initContainer(), "SPARK_EXECUTOR_CONNECTION_TIMEOUT")).isEqualTo("42")),
        row("spark.armada.executor.initContainer.image", "alpine:3",
            s -> assertThat(s.initContainer().getImage()).isEqualTo("alpine:3")),
        row("spark.armada.executor.initContainer.cpu", "250m", s -> {
          assertThat(s.initContainer().getResources().getRequestsMap().get("cpu").getString()).isEqualTo("250m");
          assertThat(s.initContainer().getResources().getLimitsMap().get("cpu").getString()).isEqualTo("250m");
        }),
        row("spark.armada.executor.initContainer.memory", "64Mi",
            s -> assertThat(s.initContainer().getResources().getLimitsMap().get("memory").getString()).isEqualTo("64Mi")),
        row("spark.armada.driver.watchEnabled", "true",
            // the fake Armada reports the driver job (job-0) succeeded: the submitter follows it
            s -> assertThat(s.output).contains("Watching driver job job-0", "Driver job job-0 succeeded")),
        row("spark.armada.auth.token", "tok-effect", s -> {
          assertThat(env(s.driverContainer(), "ARMADA_AUTH_TOKEN")).isEqualTo("tok-effect");
          assertThat(s.driverContainer().getArgsList().toString()).doesNotContain("tok-effect");
        }),
        row("spark.armada.auth.script.path", tokenScript.toString(),
            s -> assertThat(env(s.driverContainer(), "ARMADA_AUTH_TOKEN")).isEqualTo("script-token")),
        row("spark.armada.executor.trackerPollingInterval", "3s",
            s -> assertThat(s.driverContainer().getArgsList()).contains("spark.armada.executor.trackerPollingInterval=3s")),
        row("spark.armada.executor.trackerTimeout", "90s",
            s -> assertThat(s.driverContainer().getArgsList()).contains("spark.armada.executor.trackerTimeout=90s")),
        row("spark.armada.pod.annotations", "example.com/owner=data", s -> {
          assertThat(s.driver().getAnnotationsMap()).containsEntry("example.com/owner", "data");
          assertThat(s.executors().get(0).getAnnotationsMap()).containsEntry("example.com/owner", "data");
        }),
        row("spark.armada.driver.annotations", "note=d", s -> {
          assertThat(s.driver().getAnnotationsMap()).containsEntry("note", "d");
          assertThat(s.executors().get(0).getAnnotationsMap()).containsEntry("note", "common");
        }).with(Map.of("spark.armada.pod.annotations", "note=common")),
        row("spark.armada.executor.annotations", "note=e", s -> {
          assertThat(s.executors().get(0).getAnnotationsMap()).containsEntry("note", "e");
          assertThat(s.driver().getAnnotationsMap()).containsEntry("note", "common");
        }).with(Map.of("spark.armada.pod.annotations", "note=common")),
        row("spark.armada.scheduling.initialPriorityClass", "armada-preemptible", s -> {
          assertThat(s.driver().getPodSpec().getPriorityClassName()).isEqualTo("armada-preemptible");
          assertThat(s.executors().get(0).getPodSpec().getPriorityClassName()).isEqualTo("armada-preemptible");
        }),
        row("spark.armada.executor.preemptionGracePeriod", "2m", s -> {
          assertThat(s.executors().get(0).getPodSpec().getTerminationGracePeriodSeconds()).isEqualTo(120);
          assertThat(s.driver().getPodSpec().getTerminationGracePeriodSeconds()).isEqualTo(30);
        }),
        row("spark.armada.driver.watchTimeout", "1s", s -> {
          assertThat(s.exit).isEqualTo(1);
          assertThat(s.output).contains("did not end within spark.armada.driver.watchTimeout=1s");
        }).with(Map.of("spark.armada.driver.watchEnabled", "true")).driverNeverEnds(),
        row("spark.armada.driver.serviceNamePrefix", "pi-effect", s -> {
          String name = s.driver().getServices(0).getName();
          assertThat(name).startsWith("pi-effect-");
          assertThat(env(s.executorContainer(), "SPARK_DRIVER_URL")).contains("@" + name + ":");
        }));
  }

  /** Spark's own settings size the pods when the spark.armada.* keys are absent. */
  static Stream<Row> sparkRows() {
    return Stream.of(
        row("spark.executor.memory", "2g", s -> {
          assertThat(memoryRequest(s.executorContainer())).isEqualTo("2432Mi"); // 2048 + max(384, 10%)
          assertThat(env(s.executorContainer(), "SPARK_EXECUTOR_MEMORY")).isEqualTo("2048m");
        }),
        row("spark.executor.memoryOverhead", "1g", s -> assertThat(memoryRequest(s.executorContainer())).isEqualTo("2048Mi")),
        row("spark.executor.cores", "3", s -> {
          assertThat(s.executorContainer().getResources().getRequestsMap().get("cpu").getString()).isEqualTo("3");
          assertThat(env(s.executorContainer(), "SPARK_EXECUTOR_CORES")).isEqualTo("3");
        }),
        row("spark.driver.memory", "2g", s -> {
          assertThat(memoryRequest(s.driverContainer())).isEqualTo("2432Mi");
          assertThat(env(s.driverContainer(), "SPARK_DRIVER_MEMORY")).isEqualTo("2048m");
        }),
        row("spark.driver.memoryOverhead", "512m", s -> assertThat(memoryRequest(s.driverContainer())).isEqualTo("1536Mi")),
        row("spark.driver.cores", "2",
            s -> assertThat(s.driverContainer().getResources().getLimitsMap().get("cpu").getString()).isEqualTo("2")),
        row("spark.executor.instances", "5", s -> assertThat(s.executors()).hasSize(5)),
        row("spark.driver.port", "7100", s -> {
          assertThat(s.driverContainer().getPorts(0).getContainerPort()).isEqualTo(7100);
          assertThat(s.driver().getServices(0).getPortsList()).contains(7100);
          assertThat(env(s.executorContainer(), "SPARK_DRIVER_URL")).endsWith(":7100");
        }));
  }

  private static String memoryRequest(Container c) {
    return c.getResources().getRequestsMap().get("memory").getString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"rows", "sparkRows"})
  void eachKeyChangesWhatIsSubmitted(Row row) throws Exception {
    Submitted s = KeyEffects.submit(row);
    if (!row.driverNeverEnds) {
      assertThat(s.exit).as(s.output).isZero();
    }
    row.effect.accept(s);
  }

  @Test
  void everyKeyHasAnEffectTest() throws Exception {
    Set<String> covered = Stream.concat(rows(), DriverUiKeyEffectTest.rows()).map(r -> r.key)
        .collect(Collectors.toCollection(HashSet::new));
    covered.addAll(SHOWN_ELSEWHERE.keySet());
    List<String> uncovered = new ArrayList<>();
    for (ConfigKey key : ArmadaConfigKeys.all()) {
      if (!covered.contains(key.name())) {
        uncovered.add(key.name());
      }
    }
    assertThat(uncovered).as("keys without a test of their effect").isEmpty();
  }

}
