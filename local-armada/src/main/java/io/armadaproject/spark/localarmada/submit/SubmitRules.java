package io.armadaproject.spark.localarmada.submit;

import java.util.Set;

/**
 * Server settings that submission validation and defaulting depend on; {@link #defaults()} mirrors
 * Armada's sample server configuration (reference 4.2).
 */
public record SubmitRules(
    int maxPodSpecBytes,
    Set<String> allowedPriorityClasses,
    String defaultPriorityClass,
    long minGraceSeconds,
    long maxGraceSeconds,
    double maxOversubscription,
    long minMemoryBytes,
    Set<String> restrictedTolerationKeys,
    boolean initContainersNeedFractionalCpu,
    String defaultGangUniformityLabel) {

  public static SubmitRules defaults() {
    return new SubmitRules(
        65535,
        Set.of("armada-default", "armada-preemptible", "armada-resilient"),
        "armada-default",
        1,
        300,
        1.0,
        1L << 20,
        Set.of(),
        true,
        "");
  }
}
