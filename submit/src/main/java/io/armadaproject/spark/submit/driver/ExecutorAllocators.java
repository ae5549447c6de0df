package io.armadaproject.spark.submit.driver;

import io.armadaproject.spark.api.JobSubmitRequestItem;
import io.armadaproject.spark.core.config.ArmadaConf;
import io.armadaproject.spark.core.config.ArmadaConfigKeys;
import io.armadaproject.spark.submit.SparkSettings;
import io.armadaproject.spark.submit.cluster.ExecutorItems;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the driver's executor allocator from its settings and the environment of its Armada job. */
final class ExecutorAllocators {
  private static final Logger LOG = LoggerFactory.getLogger(ExecutorAllocators.class);
  static final String DRIVER_JOB_ID_ENV = "ARMADA_JOB_ID";

  private ExecutorAllocators() {}

  /** Empty outside a cluster-mode driver job (no executor prototype or job id to work with). */
  static Optional<ExecutorAllocator> create(Map<String, String> conf, Map<String, String> env, String appId,
      ExecutorAllocator.Submitter submitter, ExecutorAllocator.Canceller canceller, Consumer<String> failApplication) {
    String prototype = env.get(ExecutorItems.PROTOTYPE_ENV);
    String driverJobId = env.get(DRIVER_JOB_ID_ENV);
    if (prototype == null || driverJobId == null) {
      LOG.info("Not in an armada-spark driver job: lost executors are not replaced");
      return Optional.empty();
    }
    SparkSettings spark = new SparkSettings(conf);
    ArmadaConf armada = ArmadaConf.from(conf);
    int maxPending = Integer.parseInt(armada.require(ArmadaConfigKeys.ALLOCATION_MAX_PENDING_JOBS,
        "set " + ArmadaConfigKeys.ALLOCATION_MAX_PENDING_JOBS.name()));
    JobSubmitRequestItem shape = ExecutorItems.decode(prototype);
    if (armada.isSet(ArmadaConfigKeys.SCALE_UP_PRIORITY_CLASS)) { // executors added later, not the first gang
      shape = shape.toBuilder().setPodSpec(shape.getPodSpec().toBuilder()
          .setPriorityClassName(armada.get(ArmadaConfigKeys.SCALE_UP_PRIORITY_CLASS).get())).build();
    }
    int batchSize = Integer.parseInt(armada.require(ArmadaConfigKeys.ALLOCATION_BATCH_SIZE,
        "set " + ArmadaConfigKeys.ALLOCATION_BATCH_SIZE.name()));
    return Optional.of(new ExecutorAllocator(shape, appId, driverJobId,
        spark.initialExecutors(), spark.maxExecutorFailures(), maxPending, submitter, failApplication)
        .withPendingTimeout(armada.duration(ArmadaConfigKeys.EXECUTOR_PENDING_TIMEOUT), canceller)
        .withBatches(batchSize, armada.duration(ArmadaConfigKeys.ALLOCATION_CHECK_INTERVAL)));
  }

  /** Spark's executor id as a number, if it is one. */
  static Optional<Integer> id(String executorId) {
    try {
      return Optional.of(Integer.parseInt(executorId));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
