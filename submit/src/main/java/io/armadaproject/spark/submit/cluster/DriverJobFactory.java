package io.armadaproject.spark.submit.cluster;

import io.armadaproject.spark.api.IngressConfig;
import io.armadaproject.spark.api.IngressType;
import io.armadaproject.spark.api.JobSubmitRequestItem;
import io.armadaproject.spark.api.ServiceConfig;
import io.armadaproject.spark.api.ServiceType;
import io.armadaproject.spark.core.config.ArmadaConf;
import io.armadaproject.spark.core.config.ArmadaConfigKeys;
import io.armadaproject.spark.core.model.Pods;
import io.armadaproject.spark.submit.auth.ArmadaCredentials;
import io.armadaproject.spark.k8s.core.v1.Container;
import io.armadaproject.spark.k8s.core.v1.EnvVar;
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
          "spark.driver.bindAddress", "spark.driver.port", ArmadaConfigKeys.QUEUE.name(),
          ArmadaConfigKeys.JOB_SET_ID.name(),
          // paths and URLs of the submitting machine: the driver gets the resolved values instead
          ArmadaConfigKeys.JOB_TEMPLATE.name(), ArmadaConfigKeys.DRIVER_JOB_ITEM_TEMPLATE.name(),
          ArmadaConfigKeys.EXECUTOR_JOB_ITEM_TEMPLATE.name());

  public JobSubmitRequestItem build(ResolvedSubmission s) {
    List<EnvVar> env = new ArrayList<>(List.of(
        Pods.fieldRef("SPARK_DRIVER_BIND_ADDRESS", "status.podIP"),
        Pods.env("SPARK_DRIVER_MEMORY", s.driverHeapMiB + "m"),
        Pods.env("SPARK_CONF_DIR", "/opt/spark/conf")));
    if (s.credentials.token().isPresent()) {
      // the driver talks to Armada too; the token travels as env, never as an argument
      env.add(Pods.env(ArmadaCredentials.DRIVER_TOKEN_ENV, s.credentials.token().get()));
    }
    // the driver makes replacement executors from the same resolved shape as the first ones
    env.add(Pods.env(ExecutorItems.PROTOTYPE_ENV, ExecutorItems.encode(new ExecutorJobFactory().prototype(s))));
    Container.Builder driver = JobItems.env(JobItems.mainContainer(s.driver, "driver"), env)
        .clearArgs().addAllArgs(driverArgs(s));
    JobItems.port(driver, "driver", s.driverPort);
    DriverUi ui = s.driverUi;
    if (ui.driverDeclaresUiPort()) {
      JobItems.port(driver, "ui", ui.sparkUiPort);
    }
    PodSpec.Builder pod = JobItems.pod(s.driver).addContainers(driver).addAllContainers(s.driver.template.sidecars());
    ui.oauth.ifPresent(proxy -> pod.addInitContainers(proxy.container()));
    ServiceConfig.Builder service = ServiceConfig.newBuilder().setType(ServiceType.Headless).addPorts(s.driverPort)
        .setName(s.driverServiceName.orElse(""));
    if (ui.ingress || ui.oauth.isPresent()) {
      service.addPorts(ui.exposedPort());
    }
    JobSubmitRequestItem.Builder item = JobItems.item(s, s.driver, pod.build())
        .setClientId(ClientIds.driver(s.appId))
        // service-0 of the driver job: executors reach the driver's RPC endpoint through it
        .addServices(service)
        .addAllServices(s.driver.template.item.getServicesList());
    List<IngressConfig> templateIngress = s.driver.template.item.getIngressList();
    if (ui.ingress) {
      IngressConfig.Builder ingress = IngressConfig.newBuilder().setType(IngressType.Ingress)
          .addPorts(ui.exposedPort()).setTlsEnabled(ui.ingressTls).setUseClusterIP(true);
      templateIngress.forEach(t -> ingress.putAllAnnotations(t.getAnnotationsMap()).setCertName(t.getCertName()));
      ingress.putAllAnnotations(ui.ingressAnnotations);
      ui.ingressCertName.ifPresent(ingress::setCertName);
      item.addIngress(ingress);
    } else {
      item.addAllIngress(templateIngress);
    }
    return item.build();
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
    conf(args, ArmadaConfigKeys.QUEUE.name(), s.queue);
    conf(args, ArmadaConfigKeys.JOB_SET_ID.name(), s.jobSetId);
    conf(args, "spark.driver.port", Integer.toString(s.driverPort));
    conf(args, "spark.driver.host", "$(SPARK_DRIVER_BIND_ADDRESS)");
    if (s.driverUi.forwardUiPort) {
      conf(args, "spark.ui.port", Integer.toString(s.driverUi.sparkUiPort));
    }
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
