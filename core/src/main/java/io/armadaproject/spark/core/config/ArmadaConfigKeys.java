package io.armadaproject.spark.core.config;

import static io.armadaproject.spark.core.config.ConfigType.BOOLEAN;
import static io.armadaproject.spark.core.config.ConfigType.DOUBLE;
import static io.armadaproject.spark.core.config.ConfigType.DURATION;
import static io.armadaproject.spark.core.config.ConfigType.HTTP_URL;
import static io.armadaproject.spark.core.config.ConfigType.INT;
import static io.armadaproject.spark.core.config.ConfigType.KEY_VALUE_LIST;
import static io.armadaproject.spark.core.config.ConfigType.POSITIVE_DURATION;
import static io.armadaproject.spark.core.config.ConfigType.QUANTITY;
import static io.armadaproject.spark.core.config.ConfigType.STRING;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** The registry of every {@code spark.armada.*} key armada-spark understands. */
public final class ArmadaConfigKeys {
  public static final String PREFIX = "spark.armada.";

  public static final ConfigKey QUEUE =
      ConfigKey.of(PREFIX + "queue", STRING, null, "Armada queue that receives the driver and executor jobs. Required.");
  public static final ConfigKey CONTAINER_IMAGE =
      ConfigKey.of(PREFIX + "container.image", STRING, null, "Container image for the driver and executor containers. Required.");
  public static final ConfigKey JOB_SET_ID =
      ConfigKey.of(PREFIX + "jobSetId", STRING, null, "Armada job set holding the application's jobs. Defaults to the Spark application id.");
  public static final ConfigKey INTERNAL_URL =
      ConfigKey.of(PREFIX + "internalUrl", STRING, null, "Armada URL the driver uses from inside the cluster (armada://host:port). Defaults to the --master URL.");
  public static final ConfigKey LOOKOUT_URL =
      ConfigKey.of(PREFIX + "lookouturl", HTTP_URL, "http://localhost:30000", "Base URL of Armada's Lookout UI, used for the links printed at submission.");
  public static final ConfigKey HEALTH_CHECK_TIMEOUT =
      ConfigKey.of(PREFIX + "health.checkTimeout", POSITIVE_DURATION, "5s", "How long to wait for Armada's health check before giving up (a bare number is seconds).");
  public static final ConfigKey NAMESPACE =
      ConfigKey.of(PREFIX + "scheduling.namespace", STRING, "default", "Kubernetes namespace of the driver and executor pods.");
  public static final ConfigKey PRIORITY =
      ConfigKey.of(PREFIX + "scheduling.priority", DOUBLE, "0", "Armada job priority within the queue (lower runs earlier).");
  public static final ConfigKey NODE_SELECTORS =
      ConfigKey.of(PREFIX + "scheduling.nodeSelectors", KEY_VALUE_LIST, null, "Node selectors (key=value,...) for the driver and executor pods.");
  public static final ConfigKey NODE_UNIFORMITY_LABEL =
      ConfigKey.of(PREFIX + "scheduling.nodeUniformityLabel", STRING, null,
              "Node label Armada keeps equal across the gang; when set, the driver and executors are gang-scheduled.")
          .withAliases(PREFIX + "scheduling.nodeUniformity");
  public static final ConfigKey POD_LABELS =
      ConfigKey.of(PREFIX + "pod.labels", KEY_VALUE_LIST, null, "Labels (key=value,...) for the driver and executor pods.");
  public static final ConfigKey DRIVER_LABELS =
      ConfigKey.of(PREFIX + "driver.labels", KEY_VALUE_LIST, null, "Labels (key=value,...) for the driver pod only.");
  public static final ConfigKey EXECUTOR_LABELS =
      ConfigKey.of(PREFIX + "executor.labels", KEY_VALUE_LIST, null, "Labels (key=value,...) for the executor pods only.");
  public static final ConfigKey RUN_AS_USER =
      ConfigKey.of(PREFIX + "runAsUser", INT, "185", "Numeric user id the pods run as (185 is the spark user of the apache/spark images).");
  public static final ConfigKey DRIVER_REQUEST_CORES =
      ConfigKey.of(PREFIX + "driver.request.cores", QUANTITY, null, "Cpu request of the driver container. Defaults to spark.driver.cores.");
  public static final ConfigKey DRIVER_LIMIT_CORES =
      ConfigKey.of(PREFIX + "driver.limit.cores", QUANTITY, null, "Cpu limit of the driver container. Defaults to the request.");
  public static final ConfigKey DRIVER_REQUEST_MEMORY =
      ConfigKey.of(PREFIX + "driver.request.memory", QUANTITY, null, "Memory request of the driver container. Defaults to spark.driver.memory plus overhead.");
  public static final ConfigKey DRIVER_LIMIT_MEMORY =
      ConfigKey.of(PREFIX + "driver.limit.memory", QUANTITY, null, "Memory limit of the driver container. Defaults to the request.");
  public static final ConfigKey EXECUTOR_REQUEST_CORES =
      ConfigKey.of(PREFIX + "executor.request.cores", QUANTITY, null, "Cpu request of each executor container. Defaults to spark.executor.cores.");
  public static final ConfigKey EXECUTOR_LIMIT_CORES =
      ConfigKey.of(PREFIX + "executor.limit.cores", QUANTITY, null, "Cpu limit of each executor container. Defaults to the request.");
  public static final ConfigKey EXECUTOR_REQUEST_MEMORY =
      ConfigKey.of(PREFIX + "executor.request.memory", QUANTITY, null, "Memory request of each executor container. Defaults to spark.executor.memory plus overhead.");
  public static final ConfigKey EXECUTOR_LIMIT_MEMORY =
      ConfigKey.of(PREFIX + "executor.limit.memory", QUANTITY, null, "Memory limit of each executor container. Defaults to the request.");
  public static final ConfigKey EXECUTOR_CONNECTION_TIMEOUT =
      ConfigKey.of(PREFIX + "executor.connectionTimeout", POSITIVE_DURATION, "300s", "How long an executor's init container waits for the driver to accept connections.");
  public static final ConfigKey EXECUTOR_INIT_IMAGE =
      ConfigKey.of(PREFIX + "executor.initContainer.image", STRING, "busybox", "Image of the executors' wait-for-driver init container (needs sh and nc).");
  public static final ConfigKey EXECUTOR_INIT_CPU =
      ConfigKey.of(PREFIX + "executor.initContainer.cpu", QUANTITY, "100m", "Cpu request and limit of the executors' init container (fractional, as Armada requires).");
  public static final ConfigKey EXECUTOR_INIT_MEMORY =
      ConfigKey.of(PREFIX + "executor.initContainer.memory", QUANTITY, "128Mi", "Memory request and limit of the executors' init container.");
  public static final ConfigKey DRIVER_WATCH_ENABLED =
      ConfigKey.of(PREFIX + "driver.watchEnabled", BOOLEAN, "true", "Cluster mode: follow the driver job until it ends and exit with its outcome.");

  public static final ConfigKey AUTH_TOKEN =
      ConfigKey.of(PREFIX + "auth.token", STRING, null,
              "Bearer token sent to Armada (specific to the OIDC server in front of it). Never printed or passed in pod args.")
          .secret();
  public static final ConfigKey AUTH_SCRIPT_PATH =
      ConfigKey.of(PREFIX + "auth.script.path", STRING, null,
          "Executable that prints a bearer token for Armada on stdout; used when spark.armada.auth.token is not set.");
  public static final ConfigKey TLS_CA_CERT_PATH =
      ConfigKey.of(PREFIX + "tls.caCertPath", STRING, null,
          "PEM file of the CA that signed Armada's certificate, for armada+tls:// masters (default: the JVM's trusted CAs).");

  public static final ConfigKey DRY_RUN =
      ConfigKey.of(PREFIX + "dryRun", BOOLEAN, "false",
          "Cluster mode: print every JobSubmitRequest that would be sent, as YAML, and submit nothing (Armada is not contacted).");
  public static final ConfigKey DRY_RUN_PROTOBUF_FILE =
      ConfigKey.of(PREFIX + "dryRun.protobufFile", STRING, null,
          "With spark.armada.dryRun: also write the requests' exact protobuf bytes to this file (length-delimited, in order).");

  public static final ConfigKey EXECUTOR_TRACKER_POLLING_INTERVAL =
      ConfigKey.of(PREFIX + "executor.trackerPollingInterval", POSITIVE_DURATION, "1s",
          "How often the driver checks how many executors have registered while it waits for them.");
  public static final ConfigKey EXECUTOR_TRACKER_TIMEOUT =
      ConfigKey.of(PREFIX + "executor.trackerTimeout", POSITIVE_DURATION, null,
          "How long the driver waits for its minimum number of executors (spark.executor.instances times "
              + "spark.scheduler.minRegisteredResourcesRatio, 0.8 by default) before it stops the application "
              + "with an error. Unset: no limit, Spark goes on with the executors it has.");

  public static final ConfigKey DRIVER_SERVICE_NAME_PREFIX =
      ConfigKey.of(PREFIX + "driver.serviceNamePrefix", STRING, null,
          "Prefix (lowercase a-z and '-') of the driver's service name: the driver job asks Armada for the "
              + "service <prefix>-<10 hex digits of the app id> and executors reach the driver by that name. "
              + "Needs Armada's allowCustomServiceNames; unset, executors use armada-<driverJobId>-0-service-0.");

  public static final ConfigKey POD_ANNOTATIONS =
      ConfigKey.of(PREFIX + "pod.annotations", KEY_VALUE_LIST, null, "Annotations (key=value,...) for the driver and executor pods.");
  public static final ConfigKey DRIVER_ANNOTATIONS =
      ConfigKey.of(PREFIX + "driver.annotations", KEY_VALUE_LIST, null, "Annotations (key=value,...) for the driver pod only.");
  public static final ConfigKey EXECUTOR_ANNOTATIONS =
      ConfigKey.of(PREFIX + "executor.annotations", KEY_VALUE_LIST, null, "Annotations (key=value,...) for the executor pods only.");

  public static final ConfigKey JOB_TEMPLATE =
      ConfigKey.of(PREFIX + "jobTemplate", STRING, null,
          "JobSubmitRequest YAML (path, file:// or http(s):// URL): queue, jobSetId and one jobRequestItems entry whose "
              + "labels, annotations, priority and namespace apply to the driver and the executors. See docs/templates.md.");
  public static final ConfigKey DRIVER_JOB_ITEM_TEMPLATE =
      ConfigKey.of(PREFIX + "driver.jobItemTemplate", STRING, null,
          "JobSubmitRequestItem YAML for the driver job (path, file:// or http(s):// URL). See docs/templates.md.");
  public static final ConfigKey EXECUTOR_JOB_ITEM_TEMPLATE =
      ConfigKey.of(PREFIX + "executor.jobItemTemplate", STRING, null,
          "JobSubmitRequestItem YAML for the executor jobs (path, file:// or http(s):// URL). See docs/templates.md.");

  public static final ConfigKey INITIAL_PRIORITY_CLASS =
      ConfigKey.of(PREFIX + "scheduling.initialPriorityClass", STRING, null,
          "Kubernetes priorityClassName of the driver and the initial executors (Armada must allow it, e.g. "
              + "armada-default, armada-preemptible, armada-resilient); overrides a template's value.");
  public static final ConfigKey EXECUTOR_PREEMPTION_GRACE_PERIOD =
      ConfigKey.of(PREFIX + "executor.preemptionGracePeriod", POSITIVE_DURATION, "180s",
          "terminationGracePeriodSeconds of the executor pods: how long an executor has to hand over its data "
              + "when Armada preempts or cancels it (Armada allows 1s to 300s by default).");
  public static final ConfigKey DRIVER_WATCH_TIMEOUT =
      ConfigKey.of(PREFIX + "driver.watchTimeout", DURATION, "0s",
          "Cluster mode: how long to follow the driver job before giving up with an error (the jobs keep "
              + "running). 0 means no limit.");

  public static final ConfigKey ALLOCATION_MAX_PENDING_JOBS =
      ConfigKey.of(PREFIX + "allocation.maxPendingJobs", INT, "100",
          "Most executor jobs the driver keeps waiting in Armada (submitted, not yet running) when it replaces "
              + "lost executors or scales up; the rest of the gap is asked for as those start.");

  public static final ConfigKey EXECUTOR_PENDING_TIMEOUT =
      ConfigKey.of(PREFIX + "executor.pendingTimeout", DURATION, "0s",
          "Executors the driver asked for that are not running this long after (stuck unscheduled or pending) "
              + "are cancelled and asked for again after a back-off (1 s doubling to 30 s). 0 turns it off; note "
              + "that a resubmitted job queues again from the back.");

  public static final ConfigKey SCALE_UP_PRIORITY_CLASS =
      ConfigKey.of(PREFIX + "scheduling.scaleUpPriorityClass", STRING, null,
          "priorityClassName of the executors the driver adds after the start (replacements, dynamic allocation); "
              + "unset, they keep the initial executors' class.");
  public static final ConfigKey ALLOCATION_BATCH_SIZE =
      ConfigKey.of(PREFIX + "allocation.batchSize", INT, "200",
          "Most executor jobs in one SubmitJobs call of the driver; a larger gap goes in several calls at once.");
  public static final ConfigKey ALLOCATION_CHECK_INTERVAL =
      ConfigKey.of(PREFIX + "allocation.checkInterval", POSITIVE_DURATION, "2s",
          "The driver asks for missing executors as soon as Spark's target changes or an executor ends; it also "
              + "re-checks the gap at this interval, which is when executors held back by "
              + "spark.armada.allocation.maxPendingJobs are asked for once earlier ones run.");
  public static final ConfigKey DELETE_EXECUTORS =
      ConfigKey.of(PREFIX + "deleteExecutors", BOOLEAN, "true",
          "When the application stops, cancel the executor jobs that have not ended. false leaves them to end "
              + "on their own (they exit when the driver is gone).");
  public static final ConfigKey KILL_GRACE_PERIOD =
      ConfigKey.of(PREFIX + "killGracePeriod", POSITIVE_DURATION, "30s",
          "When the application stops, how long the driver waits for running executors to exit on their own "
              + "before it cancels their jobs.");
  public static final ConfigKey EVENT_WATCHER_USE_TLS =
      ConfigKey.of(PREFIX + "eventWatcher.useTls", BOOLEAN, "false",
          "The driver's connection to Armada (event watch, executor jobs) uses TLS even when its URL says "
              + "armada://; the same as giving armada+tls://.");

  private static final List<ConfigKey> OWN =
      Collections.unmodifiableList(
          Arrays.asList(
              QUEUE, CONTAINER_IMAGE, JOB_SET_ID, INTERNAL_URL, LOOKOUT_URL, HEALTH_CHECK_TIMEOUT,
              NAMESPACE, PRIORITY, NODE_SELECTORS, NODE_UNIFORMITY_LABEL, POD_LABELS, DRIVER_LABELS,
              EXECUTOR_LABELS, RUN_AS_USER, DRIVER_REQUEST_CORES, DRIVER_LIMIT_CORES,
              DRIVER_REQUEST_MEMORY, DRIVER_LIMIT_MEMORY, EXECUTOR_REQUEST_CORES,
              EXECUTOR_LIMIT_CORES, EXECUTOR_REQUEST_MEMORY, EXECUTOR_LIMIT_MEMORY,
              EXECUTOR_CONNECTION_TIMEOUT, EXECUTOR_INIT_IMAGE, EXECUTOR_INIT_CPU,
              EXECUTOR_INIT_MEMORY, DRIVER_WATCH_ENABLED, AUTH_TOKEN, AUTH_SCRIPT_PATH, TLS_CA_CERT_PATH, DRY_RUN,
              DRY_RUN_PROTOBUF_FILE, EXECUTOR_TRACKER_POLLING_INTERVAL, EXECUTOR_TRACKER_TIMEOUT,
              DRIVER_SERVICE_NAME_PREFIX, POD_ANNOTATIONS, DRIVER_ANNOTATIONS, EXECUTOR_ANNOTATIONS,
              JOB_TEMPLATE, DRIVER_JOB_ITEM_TEMPLATE, EXECUTOR_JOB_ITEM_TEMPLATE, INITIAL_PRIORITY_CLASS,
              EXECUTOR_PREEMPTION_GRACE_PERIOD, DRIVER_WATCH_TIMEOUT, ALLOCATION_MAX_PENDING_JOBS,
              EXECUTOR_PENDING_TIMEOUT, SCALE_UP_PRIORITY_CLASS, ALLOCATION_BATCH_SIZE, ALLOCATION_CHECK_INTERVAL,
              DELETE_EXECUTORS, KILL_GRACE_PERIOD, EVENT_WATCHER_USE_TLS));

  private static final List<ConfigKey> ALL = concat(OWN, DriverUiConfigKeys.ALL);

  private ArmadaConfigKeys() {}

  private static List<ConfigKey> concat(List<ConfigKey> a, List<ConfigKey> b) {
    List<ConfigKey> out = new java.util.ArrayList<>(a);
    out.addAll(b);
    return Collections.unmodifiableList(out);
  }

  public static List<ConfigKey> all() {
    return ALL;
  }
}
