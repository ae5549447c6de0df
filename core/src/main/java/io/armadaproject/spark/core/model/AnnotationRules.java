package io.armadaproject.spark.core.model;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Kubernetes' rules for annotations: keys like label keys, all keys and values at most 256 KiB. */
public final class AnnotationRules {
  public static final int MAX_TOTAL_BYTES = 256 * 1024;

  private AnnotationRules() {}

  /** Null when {@code key} is a valid annotation key, else what is wrong. */
  public static String keyProblem(String key) {
    return LabelRules.keyProblem(key);
  }

  /** Null when the annotations fit Kubernetes' size limit, else what is wrong. */
  public static String sizeProblem(Map<String, String> annotations) {
    long total = 0;
    for (Map.Entry<String, String> e : annotations.entrySet()) {
      total += e.getKey().getBytes(StandardCharsets.UTF_8).length + e.getValue().getBytes(StandardCharsets.UTF_8).length;
    }
    return total > MAX_TOTAL_BYTES ? "add up to " + total + " bytes, more than Kubernetes' " + MAX_TOTAL_BYTES : null;
  }
}
