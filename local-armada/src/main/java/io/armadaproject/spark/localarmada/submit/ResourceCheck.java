package io.armadaproject.spark.localarmada.submit;

import io.armadaproject.spark.k8s.core.v1.Container;
import io.armadaproject.spark.k8s.core.v1.PodSpec;
import io.armadaproject.spark.k8s.core.v1.ResourceRequirements;
import io.armadaproject.spark.k8s.resource.Quantity;
import io.armadaproject.spark.localarmada.util.Quantities;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Rule I5 for every container and init container: resources present, requests and limits naming the same
 * resources, no negatives, limit between request and {@code maxOversubscription} x request, memory request
 * at least the server minimum.
 */
final class ResourceCheck {

  private final SubmitRules rules;

  ResourceCheck(SubmitRules rules) {
    this.rules = rules;
  }

  Optional<String> check(PodSpec spec) {
    for (List<Container> containers : List.of(spec.getContainersList(), spec.getInitContainersList())) {
      for (Container container : containers) {
        Optional<String> problem = checkContainer(container.getName(), container.getResources());
        if (problem.isPresent()) {
          return problem;
        }
      }
    }
    return Optional.empty();
  }

  private Optional<String> checkContainer(String name, ResourceRequirements resources) {
    Map<String, Quantity> requests = new TreeMap<>(resources.getRequestsMap());
    Map<String, Quantity> limits = new TreeMap<>(resources.getLimitsMap());
    if (requests.isEmpty() && limits.isEmpty()) {
      return Optional.of("container " + name + " has no resources specified");
    }
    if (requests.size() != limits.size()) {
      return Optional.of("container " + name + " defines different resources for requests and limits");
    }
    for (Map.Entry<String, Quantity> entry : limits.entrySet()) {
      Optional<String> problem = quantityProblem(name, entry.getKey(), entry.getValue());
      if (problem.isPresent()) {
        return problem;
      }
    }
    for (Map.Entry<String, Quantity> entry : requests.entrySet()) {
      String resource = entry.getKey();
      Optional<String> problem = quantityProblem(name, resource, entry.getValue());
      if (problem.isPresent()) {
        return problem;
      }
      Quantity limitQuantity = limits.get(resource);
      if (limitQuantity == null) {
        return Optional.of("container " + name + " defines " + resource + " for requests but not limits");
      }
      BigDecimal request = Quantities.parse(entry.getValue().getString());
      BigDecimal limit = Quantities.parse(limitQuantity.getString());
      if (limit.compareTo(request) < 0) {
        return Optional.of("container " + name + " defines " + resource + " with limits smaller than requests");
      }
      if (limit.compareTo(request.multiply(BigDecimal.valueOf(rules.maxOversubscription()))) > 0) {
        return Optional.of(String.format("container %s defines %s with limits great than %.2f*requests",
            name, resource, rules.maxOversubscription()));
      }
      if (resource.equals("memory") && request.compareTo(BigDecimal.valueOf(rules.minMemoryBytes())) < 0) {
        return Optional.of("container \"" + name + "\" memory requests (" + entry.getValue().getString()
            + ") below server minimum (" + Quantities.formatBytes(rules.minMemoryBytes()) + ")");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> quantityProblem(String container, String resource, Quantity quantity) {
    if (!Quantities.isValid(quantity.getString())) {
      return Optional.of("container " + container + " defines " + resource + " with invalid quantity \""
          + quantity.getString() + "\"");
    }
    if (Quantities.parse(quantity.getString()).signum() < 0) {
      return Optional.of("container " + container + " defines negative " + resource + " (" + quantity.getString() + ")");
    }
    return Optional.empty();
  }
}
