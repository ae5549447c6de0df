package io.armadaproject.spark.submit.cluster;

import static io.armadaproject.spark.core.config.ArmadaConfigKeys.INITIAL_PRIORITY_CLASS;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.NODE_SELECTORS;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.POD_ANNOTATIONS;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.POD_LABELS;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.PRIORITY;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.RUN_AS_USER;

import io.armadaproject.spark.api.JobSubmitRequestItem;
import io.armadaproject.spark.core.config.ArmadaConf;
import io.armadaproject.spark.core.config.ConfigException;
import io.armadaproject.spark.core.config.ConfigKey;
import io.armadaproject.spark.core.model.Quantities;
import io.armadaproject.spark.submit.SparkLabels;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves one role's pod settings, field by field: command line, then the role's job item
 * template, then the job template, then the default.
 */
final class RoleResolver {
  /** The configuration keys and Spark-derived defaults of one role. */
  static final class RoleKeys {
    final String roleLabel;
    final ConfigKey labels;
    final ConfigKey annotations;
    final ConfigKey requestCores;
    final ConfigKey limitCores;
    final ConfigKey requestMemory;
    final ConfigKey limitMemory;
    final String sparkCores;
    final long podMemoryMiB;
    final Optional<ConfigKey> gracePeriod;
    final long defaultGraceSeconds;

    RoleKeys(String roleLabel, ConfigKey labels, ConfigKey annotations, ConfigKey requestCores, ConfigKey limitCores,
        ConfigKey requestMemory, ConfigKey limitMemory, String sparkCores, long podMemoryMiB,
        Optional<ConfigKey> gracePeriod, long defaultGraceSeconds) {
      this.roleLabel = roleLabel;
      this.labels = labels;
      this.annotations = annotations;
      this.requestCores = requestCores;
      this.limitCores = limitCores;
      this.requestMemory = requestMemory;
      this.limitMemory = limitMemory;
      this.sparkCores = sparkCores;
      this.podMemoryMiB = podMemoryMiB;
      this.gracePeriod = gracePeriod;
      this.defaultGraceSeconds = defaultGraceSeconds;
    }
  }

  private final ArmadaConf armada;
  private final JobSubmitRequestItem common;
  private final String appId;

  RoleResolver(ArmadaConf armada, JobSubmitRequestItem common, String appId) {
    this.armada = armada;
    this.common = common;
    this.appId = appId;
  }

  RoleSpec resolve(RoleTemplate t, RoleKeys k, String image) {
    Map<String, String> labels = new LinkedHashMap<>(common.getLabelsMap());
    labels.putAll(t.labels());
    labels.putAll(LabelInput.checked(armada, POD_LABELS));
    labels.putAll(LabelInput.checked(armada, k.labels));
    labels.put(SparkLabels.APP_SELECTOR, appId);
    labels.put(SparkLabels.ROLE, k.roleLabel);
    Map<String, String> annotations = new LinkedHashMap<>(common.getAnnotationsMap());
    annotations.putAll(t.annotations());
    annotations.putAll(AnnotationInput.checked(armada, POD_ANNOTATIONS));
    annotations.putAll(AnnotationInput.checked(armada, k.annotations));
    Map<String, String> nodeSelector = new LinkedHashMap<>(t.nodeSelector());
    nodeSelector.putAll(LabelInput.checked(armada, NODE_SELECTORS));
    long grace = k.gracePeriod.filter(armada::isSet).map(key -> armada.duration(key).getSeconds())
        .or(t::terminationGracePeriodSeconds)
        .orElseGet(() -> k.gracePeriod.map(key -> armada.duration(key).getSeconds()).orElse(k.defaultGraceSeconds));
    return new RoleSpec(t, image, priority(t), runAsUser(t), labels, annotations, nodeSelector,
        armada.get(INITIAL_PRIORITY_CLASS).or(t::priorityClassName), grace, resources(t, k));
  }

  private double priority(RoleTemplate t) {
    if (!armada.isSet(PRIORITY)) {
      return t.priority().orElse(common.getPriority());
    }
    String text = armada.get(PRIORITY).get();
    double priority = Double.parseDouble(text);
    if (priority < 0) {
      throw new ConfigException(PRIORITY.name(), text, "is negative", "use a priority of 0 or more");
    }
    return priority;
  }

  private long runAsUser(RoleTemplate t) {
    if (!armada.isSet(RUN_AS_USER)) {
      Optional<Long> fromTemplate = t.runAsUser();
      if (fromTemplate.isPresent()) {
        return fromTemplate.get();
      }
    }
    return Long.parseLong(armada.require(RUN_AS_USER, "set " + RUN_AS_USER.name()));
  }

  private ResolvedSubmission.PodResources resources(RoleTemplate t, RoleKeys k) {
    if (!Quantities.isValid(k.sparkCores)) {
      throw new ConfigException(k.requestCores.name(), k.sparkCores, "is not a cpu quantity", "use e.g. 1 or 500m");
    }
    // Armada wants requests equal to limits: a value given for only one of them is used for both
    String cpuRequest = armada.get(k.requestCores).or(() -> armada.get(k.limitCores)).or(() -> t.request("cpu"))
        .or(() -> t.limit("cpu")).orElse(k.sparkCores);
    String cpuLimit = armada.get(k.limitCores).or(() -> armada.get(k.requestCores)).or(() -> t.limit("cpu"))
        .orElse(cpuRequest);
    String memRequest = armada.get(k.requestMemory).or(() -> armada.get(k.limitMemory)).or(() -> t.request("memory"))
        .or(() -> t.limit("memory")).orElse(Quantities.mebibytes(k.podMemoryMiB << 20));
    String memLimit = armada.get(k.limitMemory).or(() -> armada.get(k.requestMemory)).or(() -> t.limit("memory"))
        .orElse(memRequest);
    return new ResolvedSubmission.PodResources(cpuRequest, cpuLimit, memRequest, memLimit);
  }
}
