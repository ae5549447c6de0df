package io.armadaproject.spark.core.model;

/** Names Armada gives the Kubernetes objects of a job (reference: armada-api.md section 4.4). */
public final class ArmadaNames {
  private ArmadaNames() {}

  public static String podName(String jobId) {
    return "armada-" + jobId + "-0";
  }

  /** The i-th service Armada creates for a job; executors reach the driver at index 0. */
  public static String serviceName(String jobId, int index) {
    return podName(jobId) + "-service-" + index;
  }
}
