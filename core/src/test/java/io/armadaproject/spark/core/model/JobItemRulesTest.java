package io.armadaproject.spark.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.armadaproject.spark.api.IngressConfig;
import io.armadaproject.spark.api.JobSubmitRequestItem;
import io.armadaproject.spark.api.ServiceConfig;
import io.armadaproject.spark.k8s.core.v1.Affinity;
import io.armadaproject.spark.k8s.core.v1.Container;
import io.armadaproject.spark.k8s.core.v1.ContainerPort;
import io.armadaproject.spark.k8s.core.v1.NodeAffinity;
import io.armadaproject.spark.k8s.core.v1.PodSpec;
import io.armadaproject.spark.k8s.core.v1.PreferredSchedulingTerm;
import io.armadaproject.spark.k8s.core.v1.ResourceRequirements;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.Arguments;
import java.util.stream.Stream;

class JobItemRulesTest {
  private static Container main() {
    return Container.newBuilder().setName("driver")
        .setResources(Pods.resources("1", "1", "1Gi", "1Gi"))
        .addPorts(ContainerPort.newBuilder().setContainerPort(7078)).build();
  }

  private static JobSubmitRequestItem.Builder good() {
    return JobSubmitRequestItem.newBuilder().setNamespace("default").setClientId("app-driver")
        .setPodSpec(PodSpec.newBuilder().addContainers(main()))
        .addServices(ServiceConfig.newBuilder().addPorts(7078));
  }

  @Test
  void aWellFormedItemHasNoProblems() {
    assertThat(JobItemRules.problems(good().build())).isEmpty();
  }

  static Stream<Arguments> breakages() {
    return Stream.of(
        Arguments.of((UnaryOperator<JobSubmitRequestItem.Builder>) b -> b.setNamespace(""), "namespace is empty"),
        Arguments.of((UnaryOperator<JobSubmitRequestItem.Builder>) b -> b.setPriority(-1), "priority -1.0 is negative"),
        Arguments.of((UnaryOperator<JobSubmitRequestItem.Builder>) b -> b.setClientId("x".repeat(101)), "client id is longer"),
        Arguments.of((UnaryOperator<JobSubmitRequestItem.Builder>) b -> b.clearPodSpec(), "has no pod spec"),
        Arguments.of((UnaryOperator<JobSubmitRequestItem.Builder>) b -> b.setPodSpec(PodSpec.newBuilder().addContainers(
            main().toBuilder().setResources(Pods.resources("1", "2", "1Gi", "1Gi")))),
            "container \"driver\" requests 1 cpu but limits it to 2"),
        Arguments.of((UnaryOperator<JobSubmitRequestItem.Builder>) b -> b.setPodSpec(PodSpec.newBuilder().addContainers(
            main().toBuilder().setResources(ResourceRequirements.newBuilder().putLimits("cpu", Pods.quantity("1"))))),
            "sets cpu for limits only"),
        Arguments.of((UnaryOperator<JobSubmitRequestItem.Builder>) b -> b.setPodSpec(PodSpec.newBuilder().addContainers(
            main().toBuilder().clearResources())), "has no resources"),
        Arguments.of((UnaryOperator<JobSubmitRequestItem.Builder>) b -> b.setPodSpec(PodSpec.newBuilder().addContainers(
            main().toBuilder().setResources(Pods.resources("1", "1", "100Ki", "100Ki")))), "less than Armada's minimum of 1Mi"),
        Arguments.of((UnaryOperator<JobSubmitRequestItem.Builder>) b -> b.setPodSpec(b.getPodSpec().toBuilder()
            .addInitContainers(Container.newBuilder().setName("init").setResources(Pods.resources("1000m", "1000m", "64Mi", "64Mi")))),
            "init container \"init\" requests a whole number of cpus (1000m)"),
        Arguments.of((UnaryOperator<JobSubmitRequestItem.Builder>) b -> b.setPodSpec(b.getPodSpec().toBuilder()
            .setAffinity(Affinity.newBuilder().setNodeAffinity(NodeAffinity.newBuilder()
                .addPreferredDuringSchedulingIgnoredDuringExecution(PreferredSchedulingTerm.newBuilder().setWeight(1))))),
            "preferredDuringSchedulingIgnoredDuringExecution is not supported"),
        Arguments.of((UnaryOperator<JobSubmitRequestItem.Builder>) b -> b.setPodSpec(b.getPodSpec().toBuilder()
            .addContainers(main().toBuilder().setName("sidecar"))), "container port 7078 is declared by both"),
        Arguments.of((UnaryOperator<JobSubmitRequestItem.Builder>) b -> b.addServices(ServiceConfig.newBuilder().addPorts(4040)),
            "service port 4040 is not a port of any container"),
        Arguments.of((UnaryOperator<JobSubmitRequestItem.Builder>) b -> b.addIngress(IngressConfig.newBuilder()),
            "an ingress has no ports"),
        Arguments.of((UnaryOperator<JobSubmitRequestItem.Builder>) b -> b.addIngress(IngressConfig.newBuilder().addPorts(7078))
            .addIngress(IngressConfig.newBuilder().addPorts(7078)), "port 7078 is in two ingress entries"),
        Arguments.of((UnaryOperator<JobSubmitRequestItem.Builder>) b -> b.putLabels("bad key", "v"), "label bad key=v has an invalid name"),
        Arguments.of((UnaryOperator<JobSubmitRequestItem.Builder>) b -> b.putAnnotations("/x", "v"), "annotation key /x has an invalid prefix"),
        Arguments.of((UnaryOperator<JobSubmitRequestItem.Builder>) b -> b.putAnnotations("big", "x".repeat(300_000)),
            "more than Kubernetes' 262144"),
        Arguments.of((UnaryOperator<JobSubmitRequestItem.Builder>) b -> b.putAnnotations("armadaproject.io/priceBand", "Z"),
            "priceBand=Z is not a band letter"),
        Arguments.of((UnaryOperator<JobSubmitRequestItem.Builder>) b -> b.putAnnotations(GangSpec.GANG_ID, "g")
            .putAnnotations("armadaproject.io/failFast", "false"), "may only set armadaproject.io/failFast to true"));
  }

  @ParameterizedTest
  @MethodSource("breakages")
  void eachRuleNamesTheFieldAndTheRule(UnaryOperator<JobSubmitRequestItem.Builder> breakIt, String problem) {
    assertThat(JobItemRules.problems(breakIt.apply(good()).build())).anyMatch(p -> p.contains(problem));
  }

  @Test
  void gangMembersMustAgree() {
    JobSubmitRequestItem a = good().putAnnotations(GangSpec.GANG_ID, "g").putAnnotations(GangSpec.GANG_CARDINALITY, "3")
        .putAnnotations(GangSpec.GANG_NODE_UNIFORMITY_LABEL, "zone").build();
    JobSubmitRequestItem b = a.toBuilder().putAnnotations(GangSpec.GANG_CARDINALITY, "2").build();
    JobSubmitRequestItem c = a.toBuilder().putAnnotations(GangSpec.GANG_CARDINALITY, "0").build();
    assertThat(JobItemRules.gangProblems(List.of(a, a))).isEmpty();
    assertThat(JobItemRules.gangProblems(List.of(a, b))).anyMatch(p -> p.contains("inconsistent armadaproject.io/gangCardinality"));
    assertThat(JobItemRules.gangProblems(List.of(c))).anyMatch(p -> p.contains("is not a positive number"));
  }

  @Test
  void quantitiesCompareByValue() {
    assertThat(Quantities.value("500m")).isEqualByComparingTo("0.5");
    assertThat(Quantities.value("1Gi")).isEqualByComparingTo(String.valueOf(1L << 30));
    assertThat(Quantities.value("1e3")).isEqualByComparingTo("1000");
    assertThat(Quantities.value("2k")).isEqualByComparingTo("2000");
    JobSubmitRequestItem sameValueDifferentSpelling = good().setPodSpec(PodSpec.newBuilder().addContainers(
        main().toBuilder().setResources(Pods.resources("1", "1000m", "1024Mi", "1Gi")))).build();
    assertThat(JobItemRules.problems(sameValueDifferentSpelling)).isEmpty();
  }
}
