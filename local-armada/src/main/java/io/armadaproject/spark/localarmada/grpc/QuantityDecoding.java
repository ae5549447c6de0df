package io.armadaproject.spark.localarmada.grpc;

import io.armadaproject.spark.api.JobSubmitRequest;
import io.armadaproject.spark.api.JobSubmitRequestItem;
import io.armadaproject.spark.k8s.core.v1.Container;
import io.armadaproject.spark.k8s.core.v1.PodSpec;
import io.armadaproject.spark.k8s.resource.Quantity;
import io.armadaproject.spark.localarmada.util.Quantities;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Armada's Go server parses every Kubernetes quantity while decoding a request and fails the whole call with
 * INTERNAL on a malformed one, before any other check (reference 4.10). This finds such a quantity.
 */
final class QuantityDecoding {

  private QuantityDecoding() {}

  static Optional<String> firstMalformed(JobSubmitRequest request) {
    for (JobSubmitRequestItem item : request.getJobRequestItemsList()) {
      List<PodSpec> specs = new ArrayList<>(item.getPodSpecsList());
      if (item.hasPodSpec()) {
        specs.add(item.getPodSpec());
      }
      for (PodSpec spec : specs) {
        List<Map<String, Quantity>> maps = new ArrayList<>();
        maps.add(spec.getOverheadMap());
        List<Container> containers = new ArrayList<>(spec.getContainersList());
        containers.addAll(spec.getInitContainersList());
        for (Container container : containers) {
          maps.add(container.getResources().getRequestsMap());
          maps.add(container.getResources().getLimitsMap());
        }
        for (Map<String, Quantity> map : maps) {
          for (Quantity quantity : map.values()) {
            if (!Quantities.isValid(quantity.getString())) {
              return Optional.of("quantity \"" + quantity.getString()
                  + "\" must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
            }
          }
        }
      }
    }
    return Optional.empty();
  }
}
