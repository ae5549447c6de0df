package io.armadaproject.spark.submit.cluster;

import io.armadaproject.spark.api.JobSubmitRequestItem;
import io.armadaproject.spark.core.model.GangSpec;
import io.armadaproject.spark.k8s.core.v1.Container;
import io.armadaproject.spark.k8s.core.v1.EnvVar;
import io.armadaproject.spark.k8s.core.v1.PodSpec;
import io.armadaproject.spark.submit.SparkLabels;
import java.util.Base64;
import java.util.List;

/**
 * Executor jobs made from one prototype: the submitter resolves the executor job once (settings and
 * template) and hands it to the driver, which makes every later executor (replacements, scale-ups)
 * from it, without re-reading settings or templates.
 */
public final class ExecutorItems {
  /** Env var of the driver container holding the prototype (base64 of its protobuf bytes). */
  public static final String PROTOTYPE_ENV = "ARMADA_SPARK_EXECUTOR_PROTOTYPE";
  /** Stands for the driver's job id in the prototype, which is made before that id exists. */
  static final String DRIVER_JOB_ID = "ARMADA-SPARK-DRIVER-JOB-ID";

  private ExecutorItems() {}

  /** Executor {@code executorId} of the application, talking to driver job {@code driverJobId}. */
  public static JobSubmitRequestItem forExecutor(JobSubmitRequestItem prototype, String appId, String driverJobId,
      int executorId) {
    PodSpec.Builder pod = prototype.getPodSpec().toBuilder();
    for (int i = 0; i < pod.getContainersCount(); i++) {
      pod.setContainers(i, withEnv(pod.getContainers(i), driverJobId, executorId));
    }
    for (int i = 0; i < pod.getInitContainersCount(); i++) {
      pod.setInitContainers(i, withEnv(pod.getInitContainers(i), driverJobId, executorId));
    }
    return prototype.toBuilder()
        .setPodSpec(pod)
        .setClientId(ClientIds.executor(appId, executorId))
        .putLabels(SparkLabels.EXEC_ID, Integer.toString(executorId))
        .build();
  }

  /** The prototype without gang annotations: executors added later are not part of the first gang. */
  public static JobSubmitRequestItem withoutGang(JobSubmitRequestItem item) {
    return item.toBuilder().removeAnnotations(GangSpec.GANG_ID).removeAnnotations(GangSpec.GANG_CARDINALITY)
        .removeAnnotations(GangSpec.GANG_NODE_UNIFORMITY_LABEL).build();
  }

  public static String encode(JobSubmitRequestItem prototype) {
    return Base64.getEncoder().encodeToString(prototype.toByteArray());
  }

  public static JobSubmitRequestItem decode(String text) {
    try {
      return JobSubmitRequestItem.parseFrom(Base64.getDecoder().decode(text));
    } catch (com.google.protobuf.InvalidProtocolBufferException | IllegalArgumentException e) {
      throw new IllegalStateException("the executor prototype in " + PROTOTYPE_ENV + " is damaged", e);
    }
  }

  private static Container withEnv(Container c, String driverJobId, int executorId) {
    Container.Builder b = c.toBuilder();
    List<EnvVar> env = c.getEnvList();
    for (int i = 0; i < env.size(); i++) {
      EnvVar e = env.get(i);
      if (e.getName().equals("SPARK_EXECUTOR_ID")) {
        b.setEnv(i, e.toBuilder().setValue(Integer.toString(executorId)));
      } else if (e.hasValue() && e.getValue().contains(DRIVER_JOB_ID)) {
        b.setEnv(i, e.toBuilder().setValue(e.getValue().replace(DRIVER_JOB_ID, driverJobId)));
      }
    }
    return b.build();
  }
}
