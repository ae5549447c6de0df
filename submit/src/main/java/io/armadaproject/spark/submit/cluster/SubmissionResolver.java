package io.armadaproject.spark.submit.cluster;

import static io.armadaproject.spark.core.config.ArmadaConfigKeys.CONTAINER_IMAGE;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.EXECUTOR_JOB_ITEM_TEMPLATE;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.JOB_TEMPLATE;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.DRIVER_ANNOTATIONS;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.DRIVER_WATCH_TIMEOUT;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.EXECUTOR_ANNOTATIONS;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.EXECUTOR_PREEMPTION_GRACE_PERIOD;
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
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.NODE_UNIFORMITY_LABEL;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.QUEUE;

import io.armadaproject.spark.core.client.ArmadaEndpoint;
import io.armadaproject.spark.core.config.ArmadaConf;
import io.armadaproject.spark.core.config.ConfigException;
import io.armadaproject.spark.core.model.GangSpec;
import io.armadaproject.spark.core.model.LabelRules;
import io.armadaproject.spark.submit.SparkLabels;
import io.armadaproject.spark.submit.SparkSettings;
import io.armadaproject.spark.submit.SubmitArguments;
import io.armadaproject.spark.submit.auth.ArmadaCredentials;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** Checks a cluster-mode submission and resolves every value the Armada jobs need. */
public final class SubmissionResolver {
  private static final long DRIVER_GRACE_SECONDS = 30;
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
    Templates templates = Templates.load(armada);
    ResolvedSubmission.Builder b = new ResolvedSubmission.Builder();
    b.args = args;
    b.endpoint = endpoint;
    b.driverMasterUrl = armada.get(INTERNAL_URL).orElse(endpoint.toString());
    checkInternalUrl(b.driverMasterUrl); // fail now, not inside the driver pod
    b.queue = armada.get(QUEUE).or(() -> templates.queue).orElseThrow(() -> ConfigException.missing(QUEUE.name(),
        "pass --conf " + QUEUE.name() + "=<your Armada queue>, or give queue in " + JOB_TEMPLATE.name()));
    b.appId = spark.get("spark.app.id", "spark-" + UUID.randomUUID().toString().replace("-", ""));
    b.appName = spark.appName();
    b.jobSetId = armada.get(JOB_SET_ID).or(() -> templates.jobSetId).orElse(b.appId);
    b.namespace = namespace(armada, templates);
    b.executorCount = spark.initialExecutors();
    if (b.executorCount < 1 && !spark.dynamicAllocation()) {
      throw new ConfigException("spark.executor.instances", Integer.toString(b.executorCount),
          "must be at least 1 in cluster mode", "set spark.executor.instances (or --num-executors) to 1 or more");
    }
    b.driverPort = spark.driverPort();
    armada.get(NODE_UNIFORMITY_LABEL).ifPresent(label -> {
      String problem = LabelRules.keyProblem(label);
      if (problem != null) {
        throw new ConfigException(NODE_UNIFORMITY_LABEL.name(), label, problem, "name a node label key, e.g. armada-spark");
      }
    });
    armada.get(NODE_UNIFORMITY_LABEL)
        .filter(label -> b.executorCount > 0) // a driver alone is no gang
        .ifPresent(label -> b.gang = Optional.of(GangSpec.create(b.executorCount + 1, label)));
    b.executorCores = spark.executorCores();
    b.executorHeapMiB = spark.executorMemoryMiB();
    b.driverHeapMiB = spark.driverMemoryMiB();
    Optional<String> cliImage = armada.get(CONTAINER_IMAGE);
    Optional<String> driverImage = cliImage.or(templates.driver::image);
    Optional<String> executorImage = cliImage.or(templates.executor::image);
    if (!driverImage.isPresent() || !executorImage.isPresent()) {
      throw ConfigException.missing(CONTAINER_IMAGE.name(), "pass --conf " + CONTAINER_IMAGE.name()
          + "=<image with Spark and armada-spark>, or give the image of the driver and executor containers in both "
          + "job item templates (found: driver " + driverImage.orElse("none") + ", executor "
          + executorImage.orElse("none") + ")");
    }
    RoleResolver roles = new RoleResolver(armada, templates.common, b.appId);
    b.driver = roles.resolve(templates.driver, new RoleResolver.RoleKeys(SparkLabels.ROLE_DRIVER, DRIVER_LABELS,
        DRIVER_ANNOTATIONS, DRIVER_REQUEST_CORES, DRIVER_LIMIT_CORES, DRIVER_REQUEST_MEMORY, DRIVER_LIMIT_MEMORY,
        spark.driverCores(), spark.driverPodMemoryMiB(), Optional.empty(), DRIVER_GRACE_SECONDS), driverImage.get());
    b.executor = roles.resolve(templates.executor, new RoleResolver.RoleKeys(SparkLabels.ROLE_EXECUTOR,
        EXECUTOR_LABELS, EXECUTOR_ANNOTATIONS, EXECUTOR_REQUEST_CORES, EXECUTOR_LIMIT_CORES, EXECUTOR_REQUEST_MEMORY,
        EXECUTOR_LIMIT_MEMORY, spark.executorCores(), spark.executorPodMemoryMiB(),
        Optional.of(EXECUTOR_PREEMPTION_GRACE_PERIOD), 0), executorImage.get());
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
    b.watchTimeout = armada.duration(DRIVER_WATCH_TIMEOUT);
    b.driverUi = new DriverUiResolver(armada, warn).resolve(spark);
    return new ResolvedSubmission(b);
  }

  /** One namespace for all pods: executors reach the driver by its short service name. */
  private static String namespace(ArmadaConf armada, Templates t) {
    if (armada.isSet(NAMESPACE)) {
      return armada.get(NAMESPACE).get();
    }
    Optional<String> driver = t.driver.namespace();
    Optional<String> executor = t.executor.namespace();
    if (driver.isPresent() && executor.isPresent() && !driver.equals(executor)) {
      throw new ConfigException(EXECUTOR_JOB_ITEM_TEMPLATE.name(), armada.get(EXECUTOR_JOB_ITEM_TEMPLATE).get(),
          "puts executors in namespace " + executor.get() + " but the driver template uses " + driver.get(),
          "use one namespace: executors reach the driver by its service name in the same namespace");
    }
    return driver.or(() -> executor).or(() -> Optional.of(t.common.getNamespace()).filter(n -> !n.isEmpty()))
        .orElseGet(() -> armada.require(NAMESPACE, "set " + NAMESPACE.name()));
  }

  private static void checkInternalUrl(String url) {
    try {
      ArmadaEndpoint.parseMaster(url);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(INTERNAL_URL.name(), url, "is not an Armada URL (" + e.getMessage() + ")",
          "use armada://<host>:<port> or armada+tls://<host>:<port> as the driver reaches Armada from inside the cluster");
    }
  }
}
