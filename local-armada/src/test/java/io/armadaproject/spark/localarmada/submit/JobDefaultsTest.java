package io.armadaproject.spark.localarmada.submit;

import static io.armadaproject.spark.localarmada.TestJobs.container;
import static io.armadaproject.spark.localarmada.TestJobs.pod;
import static io.armadaproject.spark.localarmada.TestJobs.quantity;
import static org.assertj.core.api.Assertions.assertThat;

import io.armadaproject.spark.k8s.core.v1.Container;
import io.armadaproject.spark.k8s.core.v1.PodSpec;
import io.armadaproject.spark.k8s.core.v1.ResourceRequirements;
import io.armadaproject.spark.k8s.core.v1.Toleration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobDefaultsTest {

  private final JobDefaults defaults = new JobDefaults(SubmitRules.defaults());

  @Test
  void templatesJobIdIntoLabelsAndAnnotations() {
    Map<String, String> templated = JobDefaults.template(Map.of("a", "app-{JobId}", "b", "{{JobId}}", "c", "plain"), "01abc");
    assertThat(templated).containsEntry("a", "app-01abc").containsEntry("b", "JobId").containsEntry("c", "plain");
  }

  @Test
  void gangsGetUniformityLabelAndFailFastDefaults() {
    Map<String, String> annotations = defaults.annotations(
        Map.of(ArmadaAnnotations.GANG_ID, "g", ArmadaAnnotations.GANG_CARDINALITY, "3"), "id");
    assertThat(annotations).containsEntry(ArmadaAnnotations.FAIL_FAST, "true")
        .containsEntry(ArmadaAnnotations.GANG_NODE_UNIFORMITY_LABEL, "");
    assertThat(defaults.annotations(Map.of("x", "y"), "id")).containsOnlyKeys("x");
  }

  @Test
  void podSpecGetsArmadasDefaults() {
    PodSpec spec = defaults.podSpec(pod(container("main", "img").setResources(ResourceRequirements.newBuilder()
        .putRequests("cpu", quantity("2")).putLimits("cpu", quantity("2")))));
    assertThat(spec.getActiveDeadlineSeconds()).isEqualTo(259_200);
    assertThat(spec.getPriorityClassName()).isEqualTo("armada-default");
    assertThat(spec.getTerminationGracePeriodSeconds()).isEqualTo(1);
    Container main = spec.getContainers(0);
    assertThat(main.getResources().getRequestsMap()).containsEntry("cpu", quantity("2"))
        .containsEntry("memory", quantity("1Gi")).containsEntry("ephemeral-storage", quantity("8Gi"));
    assertThat(main.getResources().getLimitsMap()).isEqualTo(main.getResources().getRequestsMap());
    assertThat(spec.getTolerationsList()).extracting(Toleration::getKey)
        .containsExactly("armadaproject.io/armada", "armadaproject.io/pc-armada-default");
    assertThat(spec.getTolerations(0).getEffect()).isEqualTo("NoSchedule");
  }

  @Test
  void gpuJobsGetTheLongDeadlineAndGpuToleration() {
    PodSpec spec = defaults.podSpec(pod(container("main", "img").setResources(ResourceRequirements.newBuilder()
        .putRequests("nvidia.com/gpu", quantity("1")).putLimits("nvidia.com/gpu", quantity("1")))));
    assertThat(spec.getActiveDeadlineSeconds()).isEqualTo(1_209_600);
    assertThat(spec.getTolerationsList()).extracting(Toleration::getKey).contains("armadaproject.io/gpu");
  }

  @Test
  void explicitValuesAreKept() {
    PodSpec spec = defaults.podSpec(pod(container("main", "img")).toBuilder()
        .setPriorityClassName("armada-preemptible").setActiveDeadlineSeconds(60).setTerminationGracePeriodSeconds(30)
        .build());
    assertThat(spec.getPriorityClassName()).isEqualTo("armada-preemptible");
    assertThat(spec.getActiveDeadlineSeconds()).isEqualTo(60);
    assertThat(spec.getTerminationGracePeriodSeconds()).isEqualTo(30);
    assertThat(spec.getContainers(0).getResources().getRequestsMap()).containsEntry("memory", quantity("64Mi"));
  }

  @ParameterizedTest(name = "priority {0} becomes {1}")
  @CsvSource({"0, 0", "1.4, 1", "1.6, 2", "-5, 0", "1e12, 4294967295"})
  void priorityIsRoundedAndClamped(double requested, double expected) {
    assertThat(JobDefaults.priority(requested)).isEqualTo(expected);
  }
}
