package org.apache.spark.scheduler.cluster.armada;

import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.TaskSchedulerImpl;
import scala.collection.JavaConverters;
import scala.concurrent.Future;

/** The scheduler backend on Scala 2.12, where Spark's collections are {@code scala.collection.Seq}. */
public class ArmadaSchedulerBackend extends ArmadaSchedulerBackendBase {
  public ArmadaSchedulerBackend(TaskSchedulerImpl scheduler, SparkContext sc) {
    super(scheduler, sc);
  }

  @Override
  @SuppressWarnings("deprecation")
  public Future<Object> doKillExecutors(scala.collection.Seq<String> executorIds) {
    return killExecutorJobs(JavaConverters.seqAsJavaList(executorIds));
  }
}
