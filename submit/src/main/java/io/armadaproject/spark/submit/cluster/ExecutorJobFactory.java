package io.armadaproject.spark.submit.cluster;

import io.armadaproject.spark.api.JobSubmitRequestItem;
import io.armadaproject.spark.core.model.ArmadaNames;
import io.armadaproject.spark.core.model.Pods;
import io.armadaproject.spark.k8s.core.v1.Container;
import io.armadaproject.spark.k8s.core.v1.PodSpec;
import io.armadaproject.spark.submit.SparkLabels;
import java.util.List;

/**
 * An executor's Armada job: a {@code wait-for-driver} init container, then the image's {@code
 * executor} entrypoint, configured through the same env vars as Spark's Kubernetes executors.
 */
public final class ExecutorJobFactory {
  /** Waits until the driver accepts connections, or gives up after the configured timeout. */
  static final String WAIT_FOR_DRIVER_SCRIPT =
      "echo \"waiting for driver $SPARK_DRIVER_HOST:$SPARK_DRIVER_PORT\"; waited=0; "
          + "until nc -z \"$SPARK_DRIVER_HOST\" \"$SPARK_DRIVER_PORT\"; do "
          + "if [ \"$waited\" -ge \"$SPARK_EXECUTOR_CONNECTION_TIMEOUT\" ]; then "
          + "echo \"Timeout waiting for driver after ${waited}s\"; exit 1; fi; "
          + "sleep 1; waited=`expr $waited + 1`; done; echo \"driver $SPARK_DRIVER_HOST found\"";

  /** Executor {@code executorId} of the first gang (with its gang annotations, if any). */
  public JobSubmitRequestItem build(ResolvedSubmission s, String driverJobId, int executorId) {
    JobSubmitRequestItem item = ExecutorItems.forExecutor(prototype(s), s.appId, driverJobId, executorId);
    return s.gang.map(g -> item.toBuilder().putAllAnnotations(g.annotations()).build()).orElse(item);
  }

  /**
   * The shape of every executor job of the application: executor id 0, no gang, the driver's job id
   * still a placeholder ({@link ExecutorItems#forExecutor} fills both in).
   */
  JobSubmitRequestItem prototype(ResolvedSubmission s) {
    int executorId = 0;
    String driverHost = s.driverServiceName.orElse(ArmadaNames.serviceName(ExecutorItems.DRIVER_JOB_ID, 0));
    Container init =
        Container.newBuilder()
            .setName("wait-for-driver")
            .setImage(s.initImage)
            .setImagePullPolicy("IfNotPresent")
            .addCommand("sh")
            .addCommand("-c")
            .addCommand(WAIT_FOR_DRIVER_SCRIPT)
            .addEnv(Pods.env("SPARK_DRIVER_HOST", driverHost))
            .addEnv(Pods.env("SPARK_DRIVER_PORT", Integer.toString(s.driverPort)))
            .addEnv(Pods.env("SPARK_EXECUTOR_CONNECTION_TIMEOUT",
                Long.toString(s.executorConnectionTimeout.getSeconds())))
            .setResources(Pods.resources(s.initCpu, s.initCpu, s.initMemory, s.initMemory))
            .build();
    Container.Builder executor = JobItems.env(JobItems.mainContainer(s.executor, "executor"), List.of(
            Pods.env("SPARK_DRIVER_URL", "spark://CoarseGrainedScheduler@" + driverHost + ":" + s.driverPort),
            Pods.env("SPARK_EXECUTOR_ID", Integer.toString(executorId)),
            Pods.env("SPARK_EXECUTOR_CORES", s.executorCores),
            Pods.env("SPARK_EXECUTOR_MEMORY", s.executorHeapMiB + "m"),
            Pods.env("SPARK_APPLICATION_ID", s.appId),
            Pods.env("SPARK_RESOURCE_PROFILE_ID", "0"),
            Pods.fieldRef("SPARK_EXECUTOR_POD_IP", "status.podIP"),
            Pods.fieldRef("SPARK_EXECUTOR_POD_NAME", "metadata.name")))
        .clearArgs().addArgs("executor");
    PodSpec pod = JobItems.pod(s.executor).addInitContainers(init).addContainers(executor)
        .addAllContainers(s.executor.template.sidecars()).build();
    return ExecutorItems.withoutGang(JobItems.item(s, s.executor, pod)
        .addAllServices(s.executor.template.item.getServicesList())
        .setClientId(ClientIds.executor(s.appId, executorId))
        .putLabels(SparkLabels.EXEC_ID, Integer.toString(executorId))
        .build());
  }
}
