package io.armadaproject.spark.submit.cluster;

import static io.armadaproject.spark.core.config.ArmadaConfigKeys.CONTAINER_IMAGE;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.DRIVER_LABELS;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.DRIVER_SERVICE_NAME_PREFIX;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.DRY_RUN;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.DRY_RUN_PROTOBUF_FILE;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.DRIVER_LIMIT_CORES;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.DRIVER_LIMIT_MEMORY;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.DRIVER_REQUEST_CORES;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.DRIVER_REQUEST_MEMORY;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.DRIVER_WATCH_ENABLED;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.EXECUTOR_CONNECTION_TIMEOUT;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.EXECUTOR_INIT_CPU;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.EXECUTOR_INIT_IMAGE;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.EXECUTOR_INIT_MEMORY;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.EXECUTOR_LABELS;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.EXECUTOR_LIMIT_CORES;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.EXECUTOR_LIMIT_MEMORY;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.EXECUTOR_REQUEST_CORES;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.EXECUTOR_REQUEST_MEMORY;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.HEALTH_CHECK_TIMEOUT;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.INTERNAL_URL;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.JOB_SET_ID;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.LOOKOUT_URL;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.NAMESPACE;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.NODE_SELECTORS;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.NODE_UNIFORMITY_LABEL;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.POD_LABELS;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.PRIORITY;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.QUEUE;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.RUN_AS_USER;

import io.armadaproject.spark.core.client.ArmadaEndpoint;
import io.armadaproject.spark.core.config.ArmadaConf;
import io.armadaproject.spark.core.config.ConfigException;
import io.armadaproject.spark.core.config.ConfigKey;
import io.armadaproject.spark.core.model.GangSpec;
import io.armadaproject.spark.core.model.LabelRules;
import io.armadaproject.spark.core.model.Quantities;
import io.armadaproject.spark.submit.SparkLabels;
import io.armadaproject.spark.submit.SparkSettings;
import io.armadaproject.spark.submit.SubmitArguments;
import io.armadaproject.spark.submit.auth.ArmadaCredentials;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** Checks a cluster-mode submission and resolves every value the Armada jobs need. */
public final class SubmissionResolver {
  private final Consumer<String> warn;

  public SubmissionResolver(Consumer<String> warn) {
    this.warn = warn;
  }

  /**
   * @throws ConfigException on bad input, before anything is contacted or submitted
   */
  public ResolvedSubmission resolve(SubmitArguments args) {
    ArmadaEndpoint endpoint = ArmadaEndpoint.parseMaster(args.master());
    Map<String, String> conf = args.sparkConf();
    ArmadaConf armada = ArmadaConf.from(conf);
    armada.warnings().forEach(warn);
    SparkSettings spark = new SparkSettings(conf);

    if (args.mainClass() == null && !args.isPython()) {
      throw new ConfigException("--class", null, "is missing for a JVM application",
          "pass --class <your main class>");
    }
    ResolvedSubmission.Builder b = new ResolvedSubmission.Builder();
    b.args = args;
    b.endpoint = endpoint;
    b.driverMasterUrl = armada.get(INTERNAL_URL).orElse(endpoint.toString());
    checkInternalUrl(b.driverMasterUrl); // fail now, not inside the driver pod
    b.queue = armada.require(QUEUE, "pass --conf " + QUEUE.name() + "=<your Armada queue>");
    b.image = armada.require(CONTAINER_IMAGE,
        "pass --conf " + CONTAINER_IMAGE.name() + "=<image with Spark and armada-spark>");
    b.appId = spark.get("spark.app.id", "spark-" + UUID.randomUUID().toString().replace("-", ""));
    b.appName = spark.appName();
    b.jobSetId = armada.get(JOB_SET_ID).orElse(b.appId);
    b.namespace = armada.require(NAMESPACE, "set " + NAMESPACE.name());
    String priority = armada.require(PRIORITY, "set " + PRIORITY.name());
    b.priority = Double.parseDouble(priority);
    if (b.priority < 0) {
      throw new ConfigException(PRIORITY.name(), priority, "is negative", "use a priority of 0 or more");
    }
    b.runAsUser = Long.parseLong(armada.require(RUN_AS_USER, "set " + RUN_AS_USER.name()));
    b.executorCount = spark.executorInstances();
    if (b.executorCount < 1) {
      throw new ConfigException("spark.executor.instances", Integer.toString(b.executorCount),
          "must be at least 1 in cluster mode", "set spark.executor.instances (or --num-executors) to 1 or more");
    }
    b.driverPort = spark.driverPort();
    Map<String, String> podLabels = checkedLabels(armada, POD_LABELS);
    b.driverLabels = labels(podLabels, checkedLabels(armada, DRIVER_LABELS), b.appId, SparkLabels.ROLE_DRIVER);
    b.executorLabels = labels(podLabels, checkedLabels(armada, EXECUTOR_LABELS), b.appId, SparkLabels.ROLE_EXECUTOR);
    b.nodeSelectors = checkedLabels(armada, NODE_SELECTORS);
    armada.get(NODE_UNIFORMITY_LABEL).ifPresent(label -> {
      String problem = LabelRules.keyProblem(label);
      if (problem != null) {
        throw new ConfigException(NODE_UNIFORMITY_LABEL.name(), label, problem, "name a node label key, e.g. armada-spark");
      }
    });
    armada.get(NODE_UNIFORMITY_LABEL)
        .ifPresent(label -> b.gang = Optional.of(GangSpec.create(b.executorCount + 1, label)));
    b.executorCores = spark.executorCores();
    b.executorHeapMiB = spark.executorMemoryMiB();
    b.driverHeapMiB = spark.driverMemoryMiB();
    b.driverResources = resources(armada, DRIVER_REQUEST_CORES, DRIVER_LIMIT_CORES, spark.driverCores(),
        DRIVER_REQUEST_MEMORY, DRIVER_LIMIT_MEMORY, spark.driverPodMemoryMiB());
    b.executorResources = resources(armada, EXECUTOR_REQUEST_CORES, EXECUTOR_LIMIT_CORES, spark.executorCores(),
        EXECUTOR_REQUEST_MEMORY, EXECUTOR_LIMIT_MEMORY, spark.executorPodMemoryMiB());
    b.initImage = armada.require(EXECUTOR_INIT_IMAGE, "set " + EXECUTOR_INIT_IMAGE.name());
    b.initCpu = armada.require(EXECUTOR_INIT_CPU, "set " + EXECUTOR_INIT_CPU.name());
    b.initMemory = armada.require(EXECUTOR_INIT_MEMORY, "set " + EXECUTOR_INIT_MEMORY.name());
    b.executorConnectionTimeout = armada.duration(EXECUTOR_CONNECTION_TIMEOUT);
    b.healthTimeout = armada.duration(HEALTH_CHECK_TIMEOUT);
    b.lookoutUrl = armada.require(LOOKOUT_URL, "set " + LOOKOUT_URL.name());
    b.watchDriver = armada.bool(DRIVER_WATCH_ENABLED);
    b.driverServiceName = armada.get(DRIVER_SERVICE_NAME_PREFIX)
        .map(prefix -> DriverServiceName.of(prefix, b.appId));
    b.credentials = ArmadaCredentials.forSubmission(armada);
    b.dryRun = armada.bool(DRY_RUN);
    b.dryRunProtobufFile = armada.get(DRY_RUN_PROTOBUF_FILE);
    return new ResolvedSubmission(b);
  }

  private static void checkInternalUrl(String url) {
    try {
      ArmadaEndpoint.parseMaster(url);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(INTERNAL_URL.name(), url, "is not an Armada URL (" + e.getMessage() + ")",
          "use armada://<host>:<port> or armada+tls://<host>:<port> as the driver reaches Armada from inside the cluster");
    }
  }

  /** A key=value list whose keys and values follow Kubernetes' label rules. */
  private static Map<String, String> checkedLabels(ArmadaConf armada, ConfigKey key) {
    Map<String, String> labels = armada.keyValues(key);
    for (Map.Entry<String, String> e : labels.entrySet()) {
      String problem = LabelRules.keyProblem(e.getKey());
      String what = "key \"" + e.getKey() + "\" ";
      if (problem == null) {
        problem = LabelRules.valueProblem(e.getValue());
        what = "value \"" + e.getValue() + "\" of " + e.getKey() + " ";
      }
      if (problem != null) {
        throw new ConfigException(key.name(), armada.get(key).orElse(""), "has a label " + what + problem,
            "use key=value pairs that are valid Kubernetes labels, e.g. team=data,tier=batch");
      }
    }
    return labels;
  }

  private static Map<String, String> labels(
      Map<String, String> common, Map<String, String> role, String appId, String roleName) {
    Map<String, String> out = new LinkedHashMap<>(common);
    out.putAll(role);
    out.put(SparkLabels.APP_SELECTOR, appId);
    out.put(SparkLabels.ROLE, roleName);
    return out;
  }

  private static ResolvedSubmission.PodResources resources(
      ArmadaConf armada, ConfigKey requestCores, ConfigKey limitCores, String sparkCores,
      ConfigKey requestMemory, ConfigKey limitMemory, long podMemoryMiB) {
    if (!Quantities.isValid(sparkCores)) {
      throw new ConfigException(requestCores.name(), sparkCores, "is not a cpu quantity", "use e.g. 1 or 500m");
    }
    String cpuRequest = armada.get(requestCores).orElse(sparkCores);
    String cpuLimit = armada.get(limitCores).orElse(cpuRequest);
    String memRequest = armada.get(requestMemory).orElse(Quantities.mebibytes(podMemoryMiB << 20));
    String memLimit = armada.get(limitMemory).orElse(memRequest);
    return new ResolvedSubmission.PodResources(cpuRequest, cpuLimit, memRequest, memLimit);
  }
}
