package io.armadaproject.spark.localarmada.pods;

import static io.armadaproject.spark.localarmada.TestJobs.container;
import static io.armadaproject.spark.localarmada.TestJobs.env;
import static io.armadaproject.spark.localarmada.TestJobs.pod;
import static io.armadaproject.spark.localarmada.TestJobs.quantity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.armadaproject.spark.k8s.core.v1.ConfigMapEnvSource;
import io.armadaproject.spark.k8s.core.v1.Container;
import io.armadaproject.spark.k8s.core.v1.EnvFromSource;
import io.armadaproject.spark.k8s.core.v1.EnvVar;
import io.armadaproject.spark.k8s.core.v1.EnvVarSource;
import io.armadaproject.spark.k8s.core.v1.ObjectFieldSelector;
import io.armadaproject.spark.k8s.core.v1.PodSpec;
import io.armadaproject.spark.k8s.core.v1.ResourceFieldSelector;
import io.armadaproject.spark.k8s.core.v1.SecretKeySelector;
import io.armadaproject.spark.localarmada.submit.GangSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerPlannerTest {

  @TempDir
  Path dir;

  private Path image;
  private ContainerPlanner planner;

  @BeforeEach
  void setUp() throws IOException {
    image = Files.createDirectories(dir.resolve("image/opt/spark/bin")).getParent().getParent().getParent();
    Files.write(image.resolve("image.properties"), List.of("entrypoint=/opt/entrypoint.sh", "cmd=--default-arg",
        "rootDirs=opt", "env.SPARK_HOME=/opt/spark", "env.JAVA_TOOL_OPTIONS=-Xss4m", "path=/opt/spark/bin"));
    ImageRegistry registry = new ImageRegistry();
    registry.map("spark", LocalImage.load(image));
    BuiltinImages.install(dir.resolve("images"), registry);
    planner = new ContainerPlanner(registry, dir.resolve("hosts"), Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", "/jdk"),
        dir.resolve("pods"), dir.resolve("logs"));
  }

  @Test
  void resolvesFieldReferencesAndExpandsVariables() throws PodSetupException {
    Container.Builder main = container("driver", "spark:3.5")
        .addEnv(field("POD_IP", "status.podIP"))
        .addEnv(field("POD_NAME", "metadata.name"))
        .addEnv(field("NAMESPACE", "metadata.namespace"))
        .addEnv(field("UID", "metadata.uid"))
        .addEnv(field("NODE", "spec.nodeName"))
        .addEnv(field("HOST_IP", "status.hostIP"))
        .addEnv(field("JOB_ID_LABEL", "metadata.labels['armada_job_id']"))
        .addEnv(field("JOB_SET", "metadata.annotations['armada_jobset_id']"))
        .addEnv(field("APP", "metadata.labels['app']"))
        .addEnv(env("DRIVER_URL", "spark://$(POD_IP):7078"))
        .addEnv(env("LATER_UNKNOWN", "$(DEFINED_LATER)"))
        .addEnv(env("DEFINED_LATER", "x"))
        .addEnv(env("ESCAPED", "$$(POD_IP)"));
    ContainerPlan plan = plan(pod(main), main.getName());
    assertThat(plan.env())
        .containsEntry("POD_IP", "127.0.1.7")
        .containsEntry("POD_NAME", "armada-job1-0")
        .containsEntry("NAMESPACE", "spark-ns")
        .containsEntry("UID", "uid-1")
        .containsEntry("NODE", "local-armada")
        .containsEntry("HOST_IP", "127.0.0.1")
        .containsEntry("JOB_ID_LABEL", "job1")
        .containsEntry("JOB_SET", "set1")
        .containsEntry("APP", "pi")
        .containsEntry("DRIVER_URL", "spark://127.0.1.7:7078")
        .containsEntry("LATER_UNKNOWN", "$(DEFINED_LATER)")
        .containsEntry("ESCAPED", "$(POD_IP)");
  }

  @Test
  void injectsArmadaVariablesUnlessDefined() throws PodSetupException {
    Container.Builder main = container("driver", "spark").addEnv(env("ARMADA_QUEUE", "mine"));
    PodRequest request = request(pod(main), new GangSpec("gang-1", 3, "armada/cluster"));
    ContainerPlan plan = planner.plan(main.build(), false, PodContext.of(request, "uid-1", "127.0.1.7"));
    assertThat(plan.env())
        .containsEntry("ARMADA_JOB_ID", "job1")
        .containsEntry("ARMADA_QUEUE", "mine")
        .containsEntry("ARMADA_JOB_SET_ID", "set1")
        .containsEntry("ARMADA_GANG_ID", "gang-1")
        .containsEntry("ARMADA_GANG_CARDINALITY", "3")
        .containsEntry("ARMADA_GANG_NODE_UNIFORMITY_LABEL_NAME", "armada/cluster")
        .containsEntry("ARMADA_GANG_NODE_UNIFORMITY_LABEL_VALUE", "local-armada");
    ContainerPlan noGang = plan(pod(main), "driver");
    assertThat(noGang.env()).doesNotContainKeys("ARMADA_GANG_ID", "ARMADA_GANG_CARDINALITY");
  }

  @Test
  void resolvesResourceFieldReferences() throws PodSetupException {
    Container.Builder main = container("driver", "spark").setResources(io.armadaproject.spark.localarmada.TestJobs
            .resources("1500m", "2Gi"))
        .addEnv(resource("CPU", "limits.cpu", ""))
        .addEnv(resource("CPU_MILLIS", "requests.cpu", "1m"))
        .addEnv(resource("MEMORY_MI", "limits.memory", "1Mi"))
        .addEnv(resource("MEMORY", "requests.memory", ""));
    assertThat(plan(pod(main), "driver").env())
        .containsEntry("CPU", "2").containsEntry("CPU_MILLIS", "1500")
        .containsEntry("MEMORY_MI", "2048").containsEntry("MEMORY", "2147483648");
  }

  @Test
  void mapsImagePathsAndBuildsTheEnvironment() throws PodSetupException {
    Container.Builder main = container("driver", "spark")
        .addArgs("driver").addArgs("--jar=local:///opt/spark/examples/app.jar").addArgs("$(APP_ARG)")
        .addEnv(env("APP_ARG", "/opt/spark/data"))
        .addEnv(env("JAVA_TOOL_OPTIONS", "-Duser=1"));
    ContainerPlan plan = plan(pod(main), "driver");
    String root = image.toAbsolutePath().toString();
    assertThat(plan.command()).containsExactly(root + "/opt/entrypoint.sh", "driver",
        "--jar=local://" + root + "/opt/spark/examples/app.jar", root + "/opt/spark/data");
    assertThat(plan.env())
        .containsEntry("SPARK_HOME", root + "/opt/spark")
        .containsEntry("APP_ARG", root + "/opt/spark/data")
        .containsEntry("PATH", root + "/opt/spark/bin:/usr/bin:/bin")
        .containsEntry("JAVA_HOME", "/jdk")
        .containsEntry("HOSTNAME", "armada-job1-0")
        .containsEntry("JAVA_TOOL_OPTIONS", "-Duser=1 -Djdk.net.hosts.file=" + dir.resolve("hosts").toAbsolutePath())
        .containsEntry("LOCAL_ARMADA_HOSTS_FILE", dir.resolve("hosts").toAbsolutePath().toString())
        .doesNotContainKeys("HOME", "USER");
    assertThat(plan.workingDir()).isEqualTo(dir.resolve("pods/job1/driver").toAbsolutePath()).isDirectory();
    assertThat(plan.logFile()).isEqualTo(dir.resolve("logs/job1/driver.log").toAbsolutePath());
  }

  @Test
  void imageToolOptionsGetTheHostsFileToo() throws PodSetupException {
    ContainerPlan plan = plan(pod(container("driver", "spark")), "driver");
    assertThat(plan.env().get("JAVA_TOOL_OPTIONS")).startsWith("-Xss4m -Djdk.net.hosts.file=");
    assertThat(plan.command()).containsExactly(image.toAbsolutePath() + "/opt/entrypoint.sh", "--default-arg");
  }

  @Test
  void commandReplacesEntrypointAndDropsImageCmd() throws PodSetupException {
    Container.Builder main = container("driver", "spark").addCommand("/opt/spark/bin/run").addCommand("$(MODE)")
        .addEnv(env("MODE", "fast")).setWorkingDir("/opt/spark/work");
    ContainerPlan plan = plan(pod(main), "driver");
    assertThat(plan.command()).containsExactly(image.toAbsolutePath() + "/opt/spark/bin/run", "fast");
    assertThat(plan.workingDir()).isEqualTo(image.toAbsolutePath().resolve("opt/spark/work")).isDirectory();
  }

  @Test
  void busyboxRunsHostToolsWithNcFirstOnPath() throws PodSetupException {
    Container.Builder init = container("wait-for-driver", "busybox:1.36").addCommand("sh").addCommand("-c")
        .addCommand("until nc -z $SPARK_DRIVER_HOST 7078; do sleep 1; done");
    ContainerPlan plan = plan(pod(init), "wait-for-driver");
    assertThat(plan.command()).containsExactly("sh", "-c", "until nc -z $SPARK_DRIVER_HOST 7078; do sleep 1; done");
    assertThat(plan.env().get("PATH")).isEqualTo(dir.resolve("images/busybox/bin").toAbsolutePath() + ":/usr/bin:/bin");
  }

  @Test
  void unsupportedSourcesAndImagesFailThePodWithAClearReason() {
    Container.Builder secret = container("driver", "spark").addEnv(EnvVar.newBuilder().setName("TOKEN")
        .setValueFrom(EnvVarSource.newBuilder().setSecretKeyRef(SecretKeySelector.newBuilder().setKey("k"))));
    assertThatThrownBy(() -> plan(pod(secret), "driver")).isInstanceOf(PodSetupException.class)
        .hasMessage("env var TOKEN of container driver uses secretKeyRef, which local-armada does not support");
    Container.Builder envFrom = container("driver", "spark").addEnvFrom(EnvFromSource.newBuilder()
        .setConfigMapRef(ConfigMapEnvSource.newBuilder()));
    assertThatThrownBy(() -> plan(pod(envFrom), "driver"))
        .hasMessage("container driver uses envFrom (ConfigMap/Secret), which local-armada does not support");
    assertThatThrownBy(() -> plan(pod(container("web", "nginx:1.25")), "web"))
        .hasMessage("image \"nginx:1.25\" is not available in local-armada; map it with --image nginx:1.25=DIR");
    assertThatThrownBy(() -> plan(pod(container("web", "spark").addEnv(field("X", "status.phase"))), "web"))
        .hasMessage("env var X of container web refers to field status.phase, which local-armada does not know");
  }

  @Test
  void plansInitContainersFirst() throws PodSetupException {
    PodSpec spec = pod(container("main", "spark")).toBuilder()
        .addInitContainers(container("setup", "busybox").addCommand("true"))
        .addInitContainers(container("proxy", "busybox").addCommand("sleep").addCommand("60").setRestartPolicy("Always"))
        .build();
    List<ContainerPlan> plans = planner.plan(PodContext.of(request(spec, null), "uid-1", "127.0.1.7"));
    assertThat(plans).extracting(ContainerPlan::name).containsExactly("setup", "proxy", "main");
    assertThat(plans).extracting(ContainerPlan::sidecar).containsExactly(false, true, false);
    assertThat(plans).extracting(ContainerPlan::init).containsExactly(true, true, false);
  }

  private ContainerPlan plan(PodSpec spec, String container) throws PodSetupException {
    Container target = spec.getContainersList().stream().filter(c -> c.getName().equals(container)).findFirst()
        .orElseThrow();
    return planner.plan(target, false, PodContext.of(request(spec, null), "uid-1", "127.0.1.7"));
  }

  private static PodRequest request(PodSpec spec, GangSpec gang) {
    return new PodRequest("job1", "queue1", "set1", "anonymous", "spark-ns", spec, Map.of("app", "pi"),
        Map.of("note", "n"), List.of(), List.of(), gang);
  }

  private static EnvVar field(String name, String path) {
    return EnvVar.newBuilder().setName(name).setValueFrom(EnvVarSource.newBuilder()
        .setFieldRef(ObjectFieldSelector.newBuilder().setFieldPath(path))).build();
  }

  private static EnvVar resource(String name, String resource, String divisor) {
    ResourceFieldSelector.Builder selector = ResourceFieldSelector.newBuilder().setResource(resource);
    if (!divisor.isEmpty()) {
      selector.setDivisor(quantity(divisor));
    }
    return EnvVar.newBuilder().setName(name).setValueFrom(EnvVarSource.newBuilder().setResourceFieldRef(selector)).build();
  }
}
