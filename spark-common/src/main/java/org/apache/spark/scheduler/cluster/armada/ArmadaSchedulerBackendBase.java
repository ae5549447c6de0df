package org.apache.spark.scheduler.cluster.armada;

import io.armadaproject.spark.core.client.ArmadaClient;
import io.armadaproject.spark.submit.driver.ArmadaDriverSide;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.resource.ResourceProfile;
import org.apache.spark.scheduler.ExecutorDecommissionInfo;
import org.apache.spark.scheduler.ExecutorExited;
import org.apache.spark.scheduler.TaskSchedulerImpl;
import org.apache.spark.scheduler.cluster.CoarseGrainedSchedulerBackend;
import scala.Tuple2;
import scala.concurrent.Future;

/**
 * Spark's coarse-grained backend for executors that run as Armada jobs. The Armada side (job-set
 * tracking, cancellation) lives in {@link ArmadaDriverSide}, shared by every Spark line; the
 * subclass {@code ArmadaSchedulerBackend} only adapts the one signature that differs between
 * Scala 2.12 and 2.13.
 */
public abstract class ArmadaSchedulerBackendBase extends CoarseGrainedSchedulerBackend {
  private static final double DEFAULT_MIN_REGISTERED_RATIO = 0.8;
  private final ArmadaDriverSide armada;
  private final TaskSchedulerImpl taskScheduler;
  private final SparkContext sparkContext;

  protected ArmadaSchedulerBackendBase(TaskSchedulerImpl scheduler, SparkContext sc) {
    super(scheduler, sc.env().rpcEnv());
    this.taskScheduler = scheduler;
    this.sparkContext = sc;
    this.armada =
        new ArmadaDriverSide(
            toMap(sc.conf()),
            System.getenv(),
            ArmadaClient::connect,
            Duration.ofSeconds(30),
            new ArmadaDriverSide.ExecutorLossHandler() {
              @Override
              public void executorJobEnded(String executorId, String reason, boolean causedByApp) {
                onExecutorJobEnded(executorId, reason, causedByApp);
              }

              @Override
              public void executorPreempting(String executorId, String reason) {
                // Spark moves the executor's blocks and shuffle data away if spark.decommission.enabled
                decommissionExecutor(executorId, new ExecutorDecommissionInfo("Armada is preempting the executor's job"
                    + (reason.isEmpty() ? "" : ": " + reason), scala.Option.empty()), false, false);
              }
            },
            this::failApplication);
  }

  @Override
  public String applicationId() {
    return conf().getOption("spark.app.id").getOrElse(super::applicationId);
  }

  @Override
  public void start() {
    super.start();
    armada.start(applicationId());
    armada.watchRegistration(() -> totalRegisteredExecutors().get(), minimumExecutors(), this::failApplication);
  }

  private int minimumExecutors() {
    return (int) Math.ceil(armada.initialExecutors() * minRegisteredRatioOrDefault());
  }

  private double minRegisteredRatioOrDefault() {
    return conf().contains("spark.scheduler.minRegisteredResourcesRatio") ? minRegisteredRatio() : DEFAULT_MIN_REGISTERED_RATIO;
  }

  /** Stops the application from the driver side, the way Spark's own backends do on fatal errors. */
  private void failApplication(String message) {
    org.slf4j.LoggerFactory.getLogger(ArmadaSchedulerBackendBase.class).error(message);
    try {
      sparkContext.stopInNewThread();
      taskScheduler.error(message);
    } catch (Exception noTaskSetsYet) { // a SparkException when no task set is running yet
      // the context is stopping anyway, which ends the application
    }
  }

  @Override
  public void stop() {
    armada.beforeSparkStops();
    try {
      super.stop();
    } finally {
      armada.stop();
    }
  }

  @Override
  public boolean sufficientResourcesRegistered() {
    return totalRegisteredExecutors().get() >= armada.initialExecutors() * minRegisteredRatioOrDefault();
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Future<Object> doRequestTotalExecutors(scala.collection.immutable.Map<ResourceProfile, Object> targets) {
    int total = 0;
    scala.collection.Iterator<Object> counts = targets.valuesIterator();
    while (counts.hasNext()) {
      total += (Integer) counts.next();
    }
    armada.requestTotalExecutors(total);
    return (Future) Future.successful(Boolean.TRUE);
  }

  /** Cancels the Armada jobs of the executors Spark kills. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  protected Future<Object> killExecutorJobs(List<String> executorIds) {
    armada.killExecutors(executorIds);
    return (Future) Future.successful(Boolean.TRUE);
  }

  private void onExecutorJobEnded(String executorId, String reason, boolean causedByApp) {
    try {
      removeExecutor(executorId, new ExecutorExited(causedByApp ? 1 : 0, causedByApp, reason));
    } catch (RuntimeException e) {
      // the driver endpoint is already gone while the application stops
    }
  }

  private static Map<String, String> toMap(SparkConf conf) {
    Map<String, String> out = new HashMap<>();
    for (Tuple2<String, String> kv : conf.getAll()) {
      out.put(kv._1(), kv._2());
    }
    return out;
  }
}
