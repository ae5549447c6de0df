package io.armadaproject.spark.localarmada.pods;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Names, labels and annotations Armada's executor gives a job's pod (reference 4.4). */
public final class PodMetadata {

  /** Node name and uniformity label value reported for everything local-armada runs. */
  public static final String NODE_NAME = "local-armada";

  private PodMetadata() {}

  public static String podName(String jobId) {
    return "armada-" + jobId + "-0";
  }

  public static String serviceName(String jobId, int index) {
    return podName(jobId) + "-service-" + index;
  }

  public static Map<String, String> labels(PodRequest request) {
    Map<String, String> labels = new LinkedHashMap<>(request.jobLabels());
    labels.put("armada_job_id", request.jobId());
    labels.put("armada_job_run_id", runId(request.jobId()));
    labels.put("armada_queue_id", request.queue());
    labels.put("armada_pod_number", "0");
    labels.put("armada_pod_count", "1");
    return labels;
  }

  public static Map<String, String> annotations(PodRequest request) {
    Map<String, String> annotations = new LinkedHashMap<>(request.jobAnnotations());
    annotations.put("armada_jobset_id", request.jobSetId());
    annotations.put("armada_owner", request.owner());
    return annotations;
  }

  /** local-armada runs each job at most once, so the run id is a UUID derived from the job id. */
  public static String runId(String jobId) {
    return UUID.nameUUIDFromBytes(("run:" + jobId).getBytes(StandardCharsets.UTF_8)).toString();
  }
}
