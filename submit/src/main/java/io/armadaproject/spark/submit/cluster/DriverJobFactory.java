package io.armadaproject.spark.submit.cluster;

import io.armadaproject.spark.api.JobSubmitRequestItem;
import io.armadaproject.spark.api.ServiceConfig;
import io.armadaproject.spark.api.ServiceType;
import io.armadaproject.spark.core.config.ArmadaConf;
import io.armadaproject.spark.core.model.Pods;
import io.armadaproject.spark.submit.auth.ArmadaCredentials;
import io.armadaproject.spark.k8s.core.v1.Container;
import io.armadaproject.spark.k8s.core.v1.ContainerPort;
import io.armadaproject.spark.k8s.core.v1.PodSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The driver's Armada job: one container that runs the image's {@code driver} entrypoint, which
 * starts the user's main class in client mode with master {@code armada://...} inside the pod.
 */
public final class DriverJobFactory {
  /** Set by the submission itself; never forwarded from the user's settings. */
  private static final Set<String> NOT_FORWARDED =
      Set.of("spark.master", "spark.submit.deployMode", "spark.app.id", "spark.driver.host",
          "spark.driver.bindAddress", "spark.driver.port");

  public JobSubmitRequestItem build(ResolvedSubmission s) {
    Container driver =
        Container.newBuilder()
            .setName("driver")
            .setImage(s.image)
            .setImagePullPolicy("IfNotPresent")
            .addAllArgs(driverArgs(s))
            .addEnv(Pods.fieldRef("SPARK_DRIVER_BIND_ADDRESS", "status.podIP"))
            .addEnv(Pods.env("SPARK_DRIVER_MEMORY", s.driverHeapMiB + "m"))
            .addEnv(Pods.env("SPARK_CONF_DIR", "/opt/spark/conf"))
            .setResources(Pods.resources(s.driverResources.cpuRequest, s.driverResources.cpuLimit,
                s.driverResources.memoryRequest, s.driverResources.memoryLimit))
            .addPorts(ContainerPort.newBuilder().setName("driver").setContainerPort(s.driverPort).setProtocol("TCP"))
            .build();
    if (s.credentials.token().isPresent()) {
      // the driver talks to Armada too; the token travels as env, never as an argument
      driver = driver.toBuilder().addEnv(Pods.env(ArmadaCredentials.DRIVER_TOKEN_ENV, s.credentials.token().get())).build();
    }
    PodSpec pod = JobItems.pod(s).addContainers(driver).build();
    return JobItems.item(s, s.driverLabels, pod)
        .setClientId(ClientIds.driver(s.appId))
        // service-0 of the driver job: executors reach the driver's RPC endpoint through it
        .addServices(ServiceConfig.newBuilder().setType(ServiceType.Headless).addPorts(s.driverPort)
            .setName(s.driverServiceName.orElse("")))
        .build();
  }

  static List<String> driverArgs(ResolvedSubmission s) {
    List<String> args = new ArrayList<>();
    args.add("driver");
    args.add("--master");
    args.add(s.driverMasterUrl);
    args.add("--name");
    args.add(s.appName);
    if (s.args.mainClass() != null) {
      args.add("--class");
      args.add(s.args.mainClass());
    }
    conf(args, "spark.app.id", s.appId);
    conf(args, "spark.driver.port", Integer.toString(s.driverPort));
    conf(args, "spark.driver.host", "$(SPARK_DRIVER_BIND_ADDRESS)");
    for (Map.Entry<String, String> e : s.args.sparkConf().entrySet()) {
      if (!NOT_FORWARDED.contains(e.getKey()) && !ArmadaConf.isSecretKey(e.getKey())) {
        conf(args, e.getKey(), e.getValue());
      }
    }
    args.add(s.args.primaryResource());
    args.addAll(s.args.appArgs());
    return args;
  }

  private static void conf(List<String> args, String key, String value) {
    args.add("--conf");
    args.add(key + "=" + value);
  }
}
