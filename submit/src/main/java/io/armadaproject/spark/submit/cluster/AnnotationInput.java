package io.armadaproject.spark.submit.cluster;

import io.armadaproject.spark.core.config.ArmadaConf;
import io.armadaproject.spark.core.config.ConfigException;
import io.armadaproject.spark.core.config.ConfigKey;
import io.armadaproject.spark.core.model.AnnotationRules;
import java.util.Map;

/** Annotation lists from the configuration, checked against Kubernetes' annotation rules. */
final class AnnotationInput {
  private AnnotationInput() {}

  static Map<String, String> checked(ArmadaConf armada, ConfigKey key) {
    Map<String, String> annotations = armada.keyValues(key);
    for (String name : annotations.keySet()) {
      String problem = AnnotationRules.keyProblem(name);
      if (problem != null) {
        throw new ConfigException(key.name(), armada.get(key).orElse(""), "has an annotation key \"" + name + "\" that "
            + problem, "use key=value pairs whose keys are [prefix/]name, e.g. example.com/owner=data-team");
      }
    }
    String size = AnnotationRules.sizeProblem(annotations);
    if (size != null) {
      throw new ConfigException(key.name(), "(" + annotations.size() + " annotations)", size,
          "move large values elsewhere, e.g. into a config file in the image");
    }
    return annotations;
  }
}
