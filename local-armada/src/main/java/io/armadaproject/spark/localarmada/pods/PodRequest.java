package io.armadaproject.spark.localarmada.pods;

import io.armadaproject.spark.api.IngressConfig;
import io.armadaproject.spark.api.ServiceConfig;
import io.armadaproject.spark.k8s.core.v1.PodSpec;
import io.armadaproject.spark.localarmada.submit.GangSpec;
import java.util.List;
import java.util.Map;

/** Everything the pod runtime needs to run one job's pod (pod spec after server defaults). */
public record PodRequest(
    String jobId,
    String queue,
    String jobSetId,
    String owner,
    String namespace,
    PodSpec podSpec,
    Map<String, String> jobLabels,
    Map<String, String> jobAnnotations,
    List<ServiceConfig> services,
    List<IngressConfig> ingress,
    GangSpec gang) {

  public String podName() {
    return PodMetadata.podName(jobId);
  }
}
