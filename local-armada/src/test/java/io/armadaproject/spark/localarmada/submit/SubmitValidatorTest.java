package io.armadaproject.spark.localarmada.submit;

import static io.armadaproject.spark.localarmada.TestJobs.container;
import static io.armadaproject.spark.localarmada.TestJobs.env;
import static io.armadaproject.spark.localarmada.TestJobs.gangItem;
import static io.armadaproject.spark.localarmada.TestJobs.item;
import static io.armadaproject.spark.localarmada.TestJobs.pod;
import static io.armadaproject.spark.localarmada.TestJobs.quantity;
import static io.armadaproject.spark.localarmada.TestJobs.request;
import static io.armadaproject.spark.localarmada.TestJobs.resources;
import static org.assertj.core.api.Assertions.assertThat;

import io.armadaproject.spark.api.IngressConfig;
import io.armadaproject.spark.api.JobSubmitRequest;
import io.armadaproject.spark.api.JobSubmitRequestItem;
import io.armadaproject.spark.k8s.core.v1.Affinity;
import io.armadaproject.spark.k8s.core.v1.ContainerPort;
import io.armadaproject.spark.k8s.core.v1.NodeAffinity;
import io.armadaproject.spark.k8s.core.v1.NodeSelector;
import io.armadaproject.spark.k8s.core.v1.NodeSelectorRequirement;
import io.armadaproject.spark.k8s.core.v1.NodeSelectorTerm;
import io.armadaproject.spark.k8s.core.v1.PodSpec;
import io.armadaproject.spark.k8s.core.v1.PreferredSchedulingTerm;
import io.armadaproject.spark.k8s.core.v1.ResourceRequirements;
import io.armadaproject.spark.k8s.core.v1.Toleration;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SubmitValidatorTest {

  private static final PodSpec GOOD = pod(container("main", "img"));

  private final SubmitValidator validator = new SubmitValidator(SubmitRules.defaults());

  @Test
  void acceptsAValidRequest() {
    JobSubmitRequest valid = request("q", "set", item(GOOD), gangItem(GOOD, "g", 2), gangItem(GOOD, "g", 2));
    assertThat(validator.validate(valid)).isEmpty();
  }

  static Stream<Arguments> rules() {
    return Stream.of(
        rule("R1 queue", request("", "set", item(GOOD)), "queue is a required field"),
        rule("R2 empty gang id", request("q", "set", gangItem(GOOD, "", 2)), "invalid gang information: gang id is empty"),
        rule("R2 missing cardinality", request("q", "set", item(GOOD).putAnnotations(ArmadaAnnotations.GANG_ID, "g")),
            "invalid gang information: gang cardinality annotation armadaproject.io/gangCardinality is missing for gang g"),
        rule("R2 cardinality not a number",
            request("q", "set", item(GOOD).putAnnotations(ArmadaAnnotations.GANG_ID, "g")
                .putAnnotations(ArmadaAnnotations.GANG_CARDINALITY, "two")),
            "invalid gang information: gang cardinality \"two\" is not an integer"),
        rule("R2 cardinality zero", request("q", "set", gangItem(GOOD, "g", 0)),
            "invalid gang information: gang cardinality 0 is non-positive"),
        rule("R2 fail fast", request("q", "set", gangItem(GOOD, "g", 2).putAnnotations(ArmadaAnnotations.FAIL_FAST, "false")),
            "gang jobs may not set fail fast flag (annotation - armadaproject.io/failFast) to anything but true"),
        rule("R2 cardinality mismatch", request("q", "set", gangItem(GOOD, "g", 2), gangItem(GOOD, "g", 3)),
            "inconsistent gang cardinality in gang g: expected 2 but got 3"),
        rule("R2 priority class mismatch", request("q", "set", gangItem(GOOD, "g", 2),
                gangItem(GOOD.toBuilder().setPriorityClassName("armada-preemptible").build(), "g", 2)),
            "inconsistent PriorityClassName in gang g: expected  but got armada-preemptible"),
        rule("R2 uniformity label mismatch", request("q", "set",
                gangItem(GOOD, "g", 2).putAnnotations(ArmadaAnnotations.GANG_NODE_UNIFORMITY_LABEL, "zone"),
                gangItem(GOOD, "g", 2).putAnnotations(ArmadaAnnotations.GANG_NODE_UNIFORMITY_LABEL, "rack")),
            "inconsistent nodeUniformityLabel in gang g: expected zone but got rack"),
        rule("R2 before R3", request("q", "", gangItem(GOOD, "", 2)), "invalid gang information: gang id is empty"),
        rule("R3 job set", request("q", "", item(GOOD)), "job set id is a required field"),
        rule("R4 job set length", request("q", "x".repeat(1024), item(GOOD)),
            "job set id of length 1024 must be less than max character length 1024"),
        rule("I1 namespace", request("q", "set", item(GOOD).setNamespace("")), "namespace is a required field"),
        rule("I2 no pod spec", request("q", "set", JobSubmitRequestItem.newBuilder().setNamespace("ns")),
            "Job must contain at least one PodSpec"),
        rule("I2 both pod spec forms", request("q", "set", item(GOOD).addPodSpecs(GOOD)),
            "PodSpec must be nil if PodSpecs is provided (i.e., these are exclusive)"),
        rule("I2 two pods", request("q", "set", item(GOOD).clearPodSpec().addPodSpecs(GOOD).addPodSpecs(GOOD)),
            "Jobs with multiple pods are not supported"),
        rule("I3 pod spec size", request("q", "set",
                item(pod(container("main", "img").addEnv(env("BIG", "x".repeat(70_000)))))),
            "Pod spec has a size of 70103 bytes which is greater than the maximum allowed size of 65535"),
        rule("I4 preferred affinity", request("q", "set", item(GOOD.toBuilder().setAffinity(Affinity.newBuilder()
                .setNodeAffinity(NodeAffinity.newBuilder().addPreferredDuringSchedulingIgnoredDuringExecution(
                    PreferredSchedulingTerm.newBuilder().setWeight(1)))).build())),
            "preferredDuringSchedulingIgnoredDuringExecution node affinity is not supported by Armada"),
        rule("I4 bad required affinity", request("q", "set", item(GOOD.toBuilder().setAffinity(Affinity.newBuilder()
                .setNodeAffinity(NodeAffinity.newBuilder().setRequiredDuringSchedulingIgnoredDuringExecution(
                    NodeSelector.newBuilder().addNodeSelectorTerms(NodeSelectorTerm.newBuilder().addMatchExpressions(
                        NodeSelectorRequirement.newBuilder().setKey("zone").setOperator("Near")))))).build())),
            "invalid RequiredDuringSchedulingIgnoredDuringExecution node affinity: \"Near\" is not a valid node selector operator"),
        rule("I5 no resources", request("q", "set", item(pod(container("main", "img").clearResources()))),
            "container main has no resources specified"),
        rule("I5 different resources", request("q", "set", item(pod(container("main", "img").setResources(
                ResourceRequirements.newBuilder().putRequests("cpu", quantity("1"))
                    .putLimits("cpu", quantity("1")).putLimits("memory", quantity("1Gi")))))),
            "container main defines different resources for requests and limits"),
        rule("I5 request without limit", request("q", "set", item(pod(container("main", "img").setResources(
                ResourceRequirements.newBuilder().putRequests("cpu", quantity("1")).putLimits("memory", quantity("1Gi")))))),
            "container main defines cpu for requests but not limits"),
        rule("I5 limit below request", request("q", "set", item(pod(container("main", "img").setResources(
                ResourceRequirements.newBuilder().putRequests("cpu", quantity("2")).putLimits("cpu", quantity("1")))))),
            "container main defines cpu with limits smaller than requests"),
        rule("I5 limit above request", request("q", "set", item(pod(container("main", "img").setResources(
                ResourceRequirements.newBuilder().putRequests("cpu", quantity("1")).putLimits("cpu", quantity("2")))))),
            "container main defines cpu with limits great than 1.00*requests"),
        rule("I5 negative", request("q", "set", item(pod(container("main", "img").setResources(resources("-1", "1Gi"))))),
            "container main defines negative cpu (-1)"),
        rule("I5 memory minimum", request("q", "set", item(pod(container("main", "img").setResources(resources("1", "1Ki"))))),
            "container \"main\" memory requests (1Ki) below server minimum (1Mi)"),
        rule("I5 init containers too", request("q", "set", item(GOOD.toBuilder()
                .addInitContainers(container("init", "img").clearResources()).build())),
            "container init has no resources specified"),
        rule("I6 whole-core init container", request("q", "set", item(GOOD.toBuilder()
                .addInitContainers(container("init", "img").setResources(resources("2000m", "64Mi"))).build())),
            "Init container init contains invalid cpu value 2000m.  All init containers must set requests/limits to fractional cpu e.g. 900m"),
        rule("I7 priority class", request("q", "set", item(GOOD.toBuilder().setPriorityClassName("gold").build())),
            "priority class gold is not supported"),
        rule("I8 grace period", request("q", "set", item(GOOD.toBuilder().setTerminationGracePeriodSeconds(301).build())),
            "terminationGracePeriodSeconds of 301 must be [1000000000, 300000000000], or omitted"),
        rule("I9 ingress without ports", request("q", "set", item(GOOD).addIngress(IngressConfig.newBuilder())),
            "ingress contains zero ports. Each ingress should have at least one port"),
        rule("I9 port in two ingresses", request("q", "set", item(GOOD)
                .addIngress(IngressConfig.newBuilder().addPorts(80)).addIngress(IngressConfig.newBuilder().addPorts(80))),
            "port 80 has two ingress configurations, specified in ingress configs with indexes 0 and 1. "
                + "Each port should at maximum have one ingress configuration"),
        rule("I10 container port twice", request("q", "set", item(pod(
                container("a", "img").addPorts(ContainerPort.newBuilder().setContainerPort(7078)),
                container("b", "img").addPorts(ContainerPort.newBuilder().setContainerPort(7078))))),
            "container port 7078 is exposed multiple times, specified in containers \"a\" and \"b\". Should only be exposed once"),
        rule("I11 client id", request("q", "set", item(GOOD).setClientId("c".repeat(101))),
            "client id of length 101 is greater than max allowed length of  100"),
        rule("I13 price band", request("q", "set", item(GOOD).putAnnotations(ArmadaAnnotations.PRICE_BAND, "Z")),
            "price band Z is not supported"),
        rule("first failing item wins", request("q", "set", item(GOOD),
                item(GOOD.toBuilder().setPriorityClassName("gold").build()), item(GOOD).setNamespace("")),
            "priority class gold is not supported"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void rejectsWithArmadasMessage(String rule, JobSubmitRequest request, String message) {
    assertThat(validator.validate(request)).contains(message);
  }

  @Test
  void restrictedTolerationKeysAreRejected() {
    SubmitRules defaults = SubmitRules.defaults();
    SubmitRules rules = new SubmitRules(defaults.maxPodSpecBytes(), defaults.allowedPriorityClasses(),
        defaults.defaultPriorityClass(), defaults.minGraceSeconds(), defaults.maxGraceSeconds(),
        defaults.maxOversubscription(), defaults.minMemoryBytes(), Set.of("dedicated"),
        defaults.initContainersNeedFractionalCpu(), defaults.defaultGangUniformityLabel());
    JobSubmitRequest request = request("q", "set",
        item(GOOD.toBuilder().addTolerations(Toleration.newBuilder().setKey("dedicated")).build()));
    assertThat(new SubmitValidator(rules).validate(request)).contains("toleration dedicated is not user settable");
    assertThat(validator.validate(request)).isEmpty();
  }

  @Test
  void fractionalCpuAndZeroAreFineForInitContainers() {
    JobSubmitRequest request = request("q", "set", item(GOOD.toBuilder()
        .addInitContainers(container("a", "img").setResources(resources("900m", "64Mi")))
        .addInitContainers(container("b", "img").setResources(resources("0", "64Mi"))).build()));
    assertThat(validator.validate(request)).isEmpty();
  }

  private static Arguments rule(String name, JobSubmitRequest request, String message) {
    return Arguments.of(name, request, message);
  }
}
