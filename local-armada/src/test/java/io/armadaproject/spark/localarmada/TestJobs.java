package io.armadaproject.spark.localarmada;

import io.armadaproject.spark.api.JobSubmitRequest;
import io.armadaproject.spark.api.JobSubmitRequestItem;
import io.armadaproject.spark.k8s.core.v1.Container;
import io.armadaproject.spark.k8s.core.v1.EnvVar;
import io.armadaproject.spark.k8s.core.v1.PodSpec;
import io.armadaproject.spark.k8s.core.v1.ResourceRequirements;
import io.armadaproject.spark.k8s.resource.Quantity;
import io.armadaproject.spark.localarmada.submit.ArmadaAnnotations;
import java.util.Map;

/** Builders for submissions used across tests. */
public final class TestJobs {

  private TestJobs() {}

  public static Quantity quantity(String text) {
    return Quantity.newBuilder().setString(text).build();
  }

  /** Requests equal to limits. */
  public static ResourceRequirements resources(String cpu, String memory) {
    return ResourceRequirements.newBuilder()
        .putRequests("cpu", quantity(cpu)).putLimits("cpu", quantity(cpu))
        .putRequests("memory", quantity(memory)).putLimits("memory", quantity(memory))
        .build();
  }

  public static Container.Builder container(String name, String image) {
    return Container.newBuilder().setName(name).setImage(image).setResources(resources("100m", "64Mi"));
  }

  public static EnvVar env(String name, String value) {
    return EnvVar.newBuilder().setName(name).setValue(value).build();
  }

  public static PodSpec pod(Container.Builder... containers) {
    PodSpec.Builder spec = PodSpec.newBuilder().setRestartPolicy("Never");
    for (Container.Builder container : containers) {
      spec.addContainers(container);
    }
    return spec.build();
  }

  public static JobSubmitRequestItem.Builder item(PodSpec spec) {
    return JobSubmitRequestItem.newBuilder().setNamespace("default").setPodSpec(spec);
  }

  public static JobSubmitRequestItem.Builder gangItem(PodSpec spec, String gangId, int cardinality) {
    return item(spec).putAllAnnotations(Map.of(
        ArmadaAnnotations.GANG_ID, gangId,
        ArmadaAnnotations.GANG_CARDINALITY, Integer.toString(cardinality)));
  }

  public static JobSubmitRequest request(String queue, String jobSet, JobSubmitRequestItem.Builder... items) {
    JobSubmitRequest.Builder request = JobSubmitRequest.newBuilder().setQueue(queue).setJobSetId(jobSet);
    for (JobSubmitRequestItem.Builder item : items) {
      request.addJobRequestItems(item);
    }
    return request.build();
  }
}
