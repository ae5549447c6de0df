package io.armadaproject.spark.submit.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.armadaproject.spark.api.JobSubmitRequestItem;
import io.armadaproject.spark.api.ServiceType;
import io.armadaproject.spark.core.model.GangSpec;
import io.armadaproject.spark.k8s.core.v1.Container;
import io.armadaproject.spark.k8s.core.v1.EnvVar;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JobFactoriesTest {
  private final ResolvedSubmission s = new Submissions()
      .set("spark.armada.scheduling.nodeUniformityLabel", "armada-spark")
      .set("spark.armada.pod.labels", "team=data")
      .set("spark.armada.executor.labels", "tier=batch")
      .set("spark.armada.scheduling.nodeSelectors", "armada-spark=true")
      .set("spark.eventLog.enabled", "false")
      .resolve();

  @Test
  void driverRunsTheUserMainInsideThePodWithTheArmadaMaster() {
    JobSubmitRequestItem item = new DriverJobFactory().build(s);
    Container driver = item.getPodSpec().getContainers(0);
    List<String> args = driver.getArgsList();
    assertThat(args.subList(0, 3)).containsExactly("driver", "--master", "armada://localhost:50051");
    assertThat(args).containsSequence("--class", "org.apache.spark.examples.SparkPi");
    assertThat(args).containsSequence("--conf", "spark.app.id=" + s.appId());
    assertThat(args).containsSequence("--conf", "spark.driver.host=$(SPARK_DRIVER_BIND_ADDRESS)");
    assertThat(args).containsSequence("--conf", "spark.eventLog.enabled=false");
    assertThat(args.subList(args.size() - 2, args.size()))
        .containsExactly("local:///opt/spark/examples/jars/spark-examples_2.12-3.5.9.jar", "10");
    assertThat(env(driver).get("SPARK_DRIVER_BIND_ADDRESS").getValueFrom().getFieldRef().getFieldPath())
        .isEqualTo("status.podIP");
    assertThat(driver.getPorts(0).getContainerPort()).isEqualTo(7078);
    assertThat(item.getServices(0).getType()).isEqualTo(ServiceType.Headless);
    assertThat(item.getServices(0).getPortsList()).containsExactly(7078);
    assertThat(item.getLabelsMap()).containsEntry("spark-role", "driver").containsEntry("team", "data")
        .doesNotContainKey("tier");
    assertThat(item.getPodSpec().getNodeSelectorMap()).containsEntry("armada-spark", "true");
  }

  @Test
  void tokenReachesTheDriverAsEnvAndNeverAsAnArgument() {
    ResolvedSubmission withToken = new Submissions().set("spark.armada.auth.token", "s3cret-token").resolve();
    Container driver = new DriverJobFactory().build(withToken).getPodSpec().getContainers(0);
    assertThat(String.join(" ", driver.getArgsList())).doesNotContain("s3cret-token").doesNotContain("auth.token");
    assertThat(env(driver).get("ARMADA_AUTH_TOKEN").getValue()).isEqualTo("s3cret-token");
    Container executor = new ExecutorJobFactory().build(withToken, "d", 1).getPodSpec().getContainers(0);
    assertThat(executor.toString()).doesNotContain("s3cret-token");
  }

  @Test
  void everyJobCarriesAStableClientIdForIdempotentRetries() {
    assertThat(new DriverJobFactory().build(s).getClientId()).isEqualTo(s.appId() + "-driver");
    assertThat(new ExecutorJobFactory().build(s, "d", 7).getClientId()).isEqualTo(s.appId() + "-exec-7");
    String longAppId = "x".repeat(120);
    String id = ClientIds.executor(longAppId, 1);
    assertThat(id).hasSizeLessThanOrEqualTo(ClientIds.MAX_LENGTH).isEqualTo(ClientIds.executor(longAppId, 1))
        .isNotEqualTo(ClientIds.executor(longAppId, 2));
  }

  @Test
  void serviceNamePrefixNamesTheDriversServiceAndExecutorsUseIt() {
    ResolvedSubmission named = new Submissions().set("spark.armada.driver.serviceNamePrefix", "pi-driver").resolve();
    String name = new DriverJobFactory().build(named).getServices(0).getName();
    assertThat(name).matches("pi-driver-[0-9a-f]{10}");
    Container executor = new ExecutorJobFactory().build(named, "d", 1).getPodSpec().getContainers(0);
    assertThat(env(executor).get("SPARK_DRIVER_URL").getValue())
        .isEqualTo("spark://CoarseGrainedScheduler@" + name + ":7078");
    assertThat(new DriverJobFactory().build(s).getServices(0).getName()).isEmpty();
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"Driver", "spark_driver", "-spark", "spark-", "sp4rk"})
  void badServiceNamePrefixesAreRejectedBeforeSubmitting(String prefix) {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new Submissions().set("spark.armada.driver.serviceNamePrefix", prefix).resolve())
        .hasMessageContaining("spark.armada.driver.serviceNamePrefix=\"" + prefix + "\"")
        .hasMessageContaining("lowercase letters a-z and '-'");
  }

  @Test
  void driverRequestsEqualLimits() {
    Container driver = new DriverJobFactory().build(s).getPodSpec().getContainers(0);
    assertThat(driver.getResources().getRequestsMap()).isEqualTo(driver.getResources().getLimitsMap());
  }

  @Test
  void executorFindsTheDriverThroughItsArmadaService() {
    JobSubmitRequestItem item = new ExecutorJobFactory().build(s, "01driverjob", 2);
    Container executor = item.getPodSpec().getContainers(0);
    Map<String, EnvVar> env = env(executor);
    assertThat(executor.getArgsList()).containsExactly("executor");
    assertThat(env.get("SPARK_DRIVER_URL").getValue())
        .isEqualTo("spark://CoarseGrainedScheduler@armada-01driverjob-0-service-0:7078");
    assertThat(env.get("SPARK_EXECUTOR_ID").getValue()).isEqualTo("2");
    assertThat(env.get("SPARK_APPLICATION_ID").getValue()).isEqualTo(s.appId());
    assertThat(env.get("SPARK_EXECUTOR_MEMORY").getValue()).isEqualTo("1024m");
    assertThat(env.get("SPARK_EXECUTOR_POD_IP").getValueFrom().getFieldRef().getFieldPath()).isEqualTo("status.podIP");
    assertThat(item.getLabelsMap()).containsEntry("spark-role", "executor").containsEntry("spark-exec-id", "2")
        .containsEntry("spark-app-selector", s.appId()).containsEntry("tier", "batch");
    Container init = item.getPodSpec().getInitContainers(0);
    assertThat(init.getName()).isEqualTo("wait-for-driver");
    assertThat(init.getImage()).isEqualTo("busybox");
    assertThat(env(init).get("SPARK_DRIVER_HOST").getValue()).isEqualTo("armada-01driverjob-0-service-0");
    assertThat(init.getResources().getRequestsMap().get("cpu").getString()).isEqualTo("100m");
    assertThat(init.getCommandList().get(2)).doesNotContain("$(");
  }

  @Test
  void everyJobOfTheGangCarriesTheSameGangAnnotations() {
    GangSpec gang = s.gang().orElseThrow();
    Map<String, String> driver = new DriverJobFactory().build(s).getAnnotationsMap();
    Map<String, String> executor = new ExecutorJobFactory().build(s, "d", 1).getAnnotationsMap();
    assertThat(driver).containsEntry("armadaproject.io/gangId", gang.id())
        .containsEntry("armadaproject.io/gangCardinality", "3")
        .containsEntry("armadaproject.io/gangNodeUniformityLabel", "armada-spark");
    assertThat(executor).isEqualTo(driver);
  }

  private static Map<String, EnvVar> env(Container c) {
    return c.getEnvList().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
  }
}
