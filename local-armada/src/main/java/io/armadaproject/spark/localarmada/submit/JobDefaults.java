package io.armadaproject.spark.localarmada.submit;

import io.armadaproject.spark.k8s.core.v1.Container;
import io.armadaproject.spark.k8s.core.v1.PodSpec;
import io.armadaproject.spark.k8s.core.v1.ResourceRequirements;
import io.armadaproject.spark.k8s.core.v1.Toleration;
import io.armadaproject.spark.k8s.resource.Quantity;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** Armada's server-side conversion and defaulting of an accepted item (reference 4.2 step 4). */
public final class JobDefaults {

  static final long DEFAULT_ACTIVE_DEADLINE_SECONDS = 259_200;
  static final long GPU_ACTIVE_DEADLINE_SECONDS = 1_209_600;
  private static final String GPU = "nvidia.com/gpu";
  private static final Map<String, String> DEFAULT_RESOURCES =
      Map.of("cpu", "1", "memory", "1Gi", "ephemeral-storage", "8Gi");
  private static final double MAX_PRIORITY = 4_294_967_295d;

  private final SubmitRules rules;

  public JobDefaults(SubmitRules rules) {
    this.rules = rules;
  }

  /** Replaces {@code {JobId}} by the job id; {@code {{JobId}}} is the escape for the literal text. */
  public static Map<String, String> template(Map<String, String> values, String jobId) {
    Map<String, String> out = new LinkedHashMap<>();
    values.forEach((key, value) -> out.put(key, templateValue(value, jobId)));
    return out;
  }

  static String templateValue(String value, String jobId) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < value.length()) {
      if (value.startsWith("{{JobId}}", i)) {
        out.append("JobId");
        i += "{{JobId}}".length();
      } else if (value.startsWith("{JobId}", i)) {
        out.append(jobId);
        i += "{JobId}".length();
      } else {
        out.append(value.charAt(i++));
      }
    }
    return out.toString();
  }

  /** Annotations after templating plus the gang defaults (uniformity label, fail fast). */
  public Map<String, String> annotations(Map<String, String> itemAnnotations, String jobId) {
    Map<String, String> annotations = template(itemAnnotations, jobId);
    GangSpec gang = GangSpec.parseValidated(annotations);
    if (gang != null && gang.isRealGang()) {
      annotations.putIfAbsent(ArmadaAnnotations.GANG_NODE_UNIFORMITY_LABEL, rules.defaultGangUniformityLabel());
      annotations.putIfAbsent(ArmadaAnnotations.FAIL_FAST, "true");
    }
    return annotations;
  }

  /** Rounded to the nearest integer and clamped to [0, 2^32-1]. */
  public static double priority(double requested) {
    double rounded = Math.rint(requested);
    return Math.max(0, Math.min(MAX_PRIORITY, rounded));
  }

  public PodSpec podSpec(PodSpec spec) {
    PodSpec.Builder out = spec.toBuilder();
    boolean gpu = usesGpu(spec);
    if (!spec.hasActiveDeadlineSeconds() || spec.getActiveDeadlineSeconds() == 0) {
      out.setActiveDeadlineSeconds(gpu ? GPU_ACTIVE_DEADLINE_SECONDS : DEFAULT_ACTIVE_DEADLINE_SECONDS);
    }
    String priorityClass = spec.getPriorityClassName().isEmpty() ? rules.defaultPriorityClass() : spec.getPriorityClassName();
    out.setPriorityClassName(priorityClass);
    out.clearContainers().addAllContainers(spec.getContainersList().stream().map(JobDefaults::withDefaultResources).toList());
    out.clearInitContainers()
        .addAllInitContainers(spec.getInitContainersList().stream().map(JobDefaults::withDefaultResources).toList());
    out.addTolerations(noSchedule("armadaproject.io/armada"));
    out.addTolerations(noSchedule("armadaproject.io/pc-" + priorityClass));
    if (gpu) {
      out.addTolerations(noSchedule("armadaproject.io/gpu"));
    }
    if (spec.getTerminationGracePeriodSeconds() == 0) {
      out.setTerminationGracePeriodSeconds(rules.minGraceSeconds());
    }
    return out.build();
  }

  private static Container withDefaultResources(Container container) {
    ResourceRequirements resources = container.getResources();
    ResourceRequirements.Builder out = resources.toBuilder();
    DEFAULT_RESOURCES.forEach((name, value) -> {
      if (!resources.containsRequests(name) && !resources.containsLimits(name)) {
        Quantity quantity = Quantity.newBuilder().setString(value).build();
        out.putRequests(name, quantity).putLimits(name, quantity);
      }
    });
    return container.toBuilder().setResources(out).build();
  }

  private static boolean usesGpu(PodSpec spec) {
    return Stream.concat(spec.getContainersList().stream(), spec.getInitContainersList().stream())
        .anyMatch(c -> c.getResources().containsRequests(GPU) || c.getResources().containsLimits(GPU));
  }

  private static Toleration noSchedule(String key) {
    return Toleration.newBuilder().setKey(key).setOperator("Equal").setValue("true").setEffect("NoSchedule").build();
  }

}
