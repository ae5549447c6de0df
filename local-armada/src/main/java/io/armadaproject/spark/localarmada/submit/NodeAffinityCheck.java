package io.armadaproject.spark.localarmada.submit;

import io.armadaproject.spark.k8s.core.v1.NodeAffinity;
import io.armadaproject.spark.k8s.core.v1.NodeSelectorRequirement;
import io.armadaproject.spark.k8s.core.v1.NodeSelectorTerm;
import io.armadaproject.spark.k8s.core.v1.PodSpec;
import java.util.List;
import java.util.Optional;

/** Rule I4: no preferred node affinity; a required node affinity must be well formed. */
final class NodeAffinityCheck {

  private static final String INVALID = "invalid RequiredDuringSchedulingIgnoredDuringExecution node affinity: ";

  Optional<String> check(PodSpec spec) {
    if (!spec.getAffinity().hasNodeAffinity()) {
      return Optional.empty();
    }
    NodeAffinity affinity = spec.getAffinity().getNodeAffinity();
    if (affinity.getPreferredDuringSchedulingIgnoredDuringExecutionCount() > 0) {
      return Optional.of("preferredDuringSchedulingIgnoredDuringExecution node affinity is not supported by Armada");
    }
    if (!affinity.hasRequiredDuringSchedulingIgnoredDuringExecution()) {
      return Optional.empty();
    }
    List<NodeSelectorTerm> terms = affinity.getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTermsList();
    if (terms.isEmpty()) {
      return Optional.of(INVALID + "must have at least one node selector term");
    }
    for (NodeSelectorTerm term : terms) {
      for (List<NodeSelectorRequirement> requirements : List.of(term.getMatchExpressionsList(), term.getMatchFieldsList())) {
        for (NodeSelectorRequirement requirement : requirements) {
          Optional<String> problem = problemOf(requirement);
          if (problem.isPresent()) {
            return Optional.of(INVALID + problem.get());
          }
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> problemOf(NodeSelectorRequirement requirement) {
    if (requirement.getKey().isEmpty()) {
      return Optional.of("a node selector requirement has an empty key");
    }
    int values = requirement.getValuesCount();
    switch (requirement.getOperator()) {
      case "In":
      case "NotIn":
        return values == 0
            ? Optional.of("operator " + requirement.getOperator() + " on key " + requirement.getKey() + " needs values")
            : Optional.empty();
      case "Exists":
      case "DoesNotExist":
        return values > 0
            ? Optional.of("operator " + requirement.getOperator() + " on key " + requirement.getKey() + " takes no values")
            : Optional.empty();
      case "Gt":
      case "Lt":
        if (values != 1 || !requirement.getValues(0).matches("-?[0-9]+")) {
          return Optional.of("operator " + requirement.getOperator() + " on key " + requirement.getKey()
              + " needs exactly one integer value");
        }
        return Optional.empty();
      default:
        return Optional.of("\"" + requirement.getOperator() + "\" is not a valid node selector operator");
    }
  }
}
