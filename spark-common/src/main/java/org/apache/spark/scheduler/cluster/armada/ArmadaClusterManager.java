package org.apache.spark.scheduler.cluster.armada;

import io.armadaproject.spark.shim.SparkLineGuard;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.ExternalClusterManager;
import org.apache.spark.scheduler.SchedulerBackend;
import org.apache.spark.scheduler.TaskScheduler;
import org.apache.spark.scheduler.TaskSchedulerImpl;

/** Found by SparkContext through META-INF/services for masters {@code armada://host:port}. */
public class ArmadaClusterManager implements ExternalClusterManager {
  @Override
  public boolean canCreate(String masterURL) {
    return masterURL.startsWith("armada://") || masterURL.startsWith("armada+");
  }

  @Override
  public TaskScheduler createTaskScheduler(SparkContext sc, String masterURL) {
    // the regular constructor: spark.task.maxFailures and speculation work as on any cluster
    return new TaskSchedulerImpl(sc);
  }

  @Override
  public SchedulerBackend createSchedulerBackend(SparkContext sc, String masterURL, TaskScheduler scheduler) {
    SparkLineGuard.failOnMismatch();
    return new ArmadaSchedulerBackend((TaskSchedulerImpl) scheduler, sc);
  }

  @Override
  public void initialize(TaskScheduler scheduler, SchedulerBackend backend) {
    ((TaskSchedulerImpl) scheduler).initialize(backend);
  }
}
