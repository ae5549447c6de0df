package io.armadaproject.spark.submit.cluster;

import io.armadaproject.spark.core.config.ArmadaConf;
import io.armadaproject.spark.core.config.ConfigException;
import io.armadaproject.spark.core.config.ConfigKey;
import io.armadaproject.spark.core.model.LabelRules;
import java.util.Map;

/** Label and node-selector lists from the configuration, checked against Kubernetes' label rules. */
final class LabelInput {
  private LabelInput() {}

  static Map<String, String> checked(ArmadaConf armada, ConfigKey key) {
    Map<String, String> labels = armada.keyValues(key);
    for (Map.Entry<String, String> e : labels.entrySet()) {
      String problem = LabelRules.keyProblem(e.getKey());
      String what = "key \"" + e.getKey() + "\" ";
      if (problem == null) {
        problem = LabelRules.valueProblem(e.getValue());
        what = "value \"" + e.getValue() + "\" of " + e.getKey() + " ";
      }
      if (problem != null) {
        throw new ConfigException(key.name(), armada.get(key).orElse(""), "has a label " + what + problem,
            "use key=value pairs that are valid Kubernetes labels, e.g. team=data,tier=batch");
      }
    }
    return labels;
  }
}
