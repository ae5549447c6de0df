package io.armadaproject.spark.localarmada.pods;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pod as its containers see it through the downward API: name, uid, namespace, address, node, labels and
 * annotations.
 */
public record PodContext(PodRequest request, String podName, String uid, String ip, Map<String, String> labels,
    Map<String, String> annotations) {

  /** The host address containers see in {@code status.hostIP}. */
  public static final String HOST_IP = "127.0.0.1";

  private static final Pattern MAP_FIELD = Pattern.compile("metadata\\.(labels|annotations)\\['([^']*)'\\]");

  public static PodContext of(PodRequest request, String uid, String ip) {
    return new PodContext(request, request.podName(), uid, ip, PodMetadata.labels(request),
        PodMetadata.annotations(request));
  }

  /** The value of a {@code fieldRef.fieldPath}, or empty for a path local-armada does not know. */
  public Optional<String> fieldValue(String fieldPath) {
    switch (fieldPath) {
      case "status.podIP":
      case "status.podIPs":
        return Optional.of(ip);
      case "status.hostIP":
      case "status.hostIPs":
        return Optional.of(HOST_IP);
      case "metadata.name":
        return Optional.of(podName);
      case "metadata.namespace":
        return Optional.of(request.namespace());
      case "metadata.uid":
        return Optional.of(uid);
      case "spec.nodeName":
        return Optional.of(PodMetadata.NODE_NAME);
      case "spec.serviceAccountName":
        return Optional.of(request.podSpec().getServiceAccountName());
      default:
        Matcher matcher = MAP_FIELD.matcher(fieldPath);
        if (!matcher.matches()) {
          return Optional.empty();
        }
        Map<String, String> values = matcher.group(1).equals("labels") ? labels : annotations;
        return Optional.of(values.getOrDefault(matcher.group(2), ""));
    }
  }
}
