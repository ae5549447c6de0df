package io.armadaproject.spark.core.model;

import io.armadaproject.spark.k8s.core.v1.EnvVar;
import io.armadaproject.spark.k8s.core.v1.EnvVarSource;
import io.armadaproject.spark.k8s.core.v1.ObjectFieldSelector;
import io.armadaproject.spark.k8s.core.v1.ResourceRequirements;
import io.armadaproject.spark.k8s.resource.Quantity;

/** Small builders for the pieces of a Kubernetes pod spec that every job needs. */
public final class Pods {
  private Pods() {}

  public static EnvVar env(String name, String value) {
    return EnvVar.newBuilder().setName(name).setValue(value).build();
  }

  /** An env var filled by Kubernetes from the pod, e.g. {@code status.podIP}. */
  public static EnvVar fieldRef(String name, String fieldPath) {
    return EnvVar.newBuilder()
        .setName(name)
        .setValueFrom(
            EnvVarSource.newBuilder()
                .setFieldRef(ObjectFieldSelector.newBuilder().setApiVersion("v1").setFieldPath(fieldPath)))
        .build();
  }

  public static Quantity quantity(String text) {
    return Quantity.newBuilder().setString(text).build();
  }

  /** Requests and limits for cpu and memory; Armada wants them equal unless told otherwise. */
  public static ResourceRequirements resources(
      String cpuRequest, String cpuLimit, String memoryRequest, String memoryLimit) {
    return ResourceRequirements.newBuilder()
        .putRequests("cpu", quantity(cpuRequest))
        .putRequests("memory", quantity(memoryRequest))
        .putLimits("cpu", quantity(cpuLimit))
        .putLimits("memory", quantity(memoryLimit))
        .build();
  }
}
