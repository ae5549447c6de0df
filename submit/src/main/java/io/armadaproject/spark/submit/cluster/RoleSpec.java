package io.armadaproject.spark.submit.cluster;

import java.util.Map;
import java.util.Optional;

/**
 * Everything resolved for one role's pods (driver or executors), each field by the precedence
 * command line > job item template > job template > default (see docs/templates.md).
 */
final class RoleSpec {
  final RoleTemplate template;
  final String image;
  final double priority;
  final long runAsUser;
  final Map<String, String> labels;
  final Map<String, String> annotations;
  final Map<String, String> nodeSelector;
  final Optional<String> priorityClass;
  final long gracePeriodSeconds;
  final ResolvedSubmission.PodResources resources;

  RoleSpec(RoleTemplate template, String image, double priority, long runAsUser, Map<String, String> labels,
      Map<String, String> annotations, Map<String, String> nodeSelector, Optional<String> priorityClass,
      long gracePeriodSeconds, ResolvedSubmission.PodResources resources) {
    this.template = template;
    this.image = image;
    this.priority = priority;
    this.runAsUser = runAsUser;
    this.labels = Map.copyOf(labels);
    this.annotations = Map.copyOf(annotations);
    this.nodeSelector = Map.copyOf(nodeSelector);
    this.priorityClass = priorityClass;
    this.gracePeriodSeconds = gracePeriodSeconds;
    this.resources = resources;
  }
}
