package io.armadaproject.spark.localarmada.pods;

import io.armadaproject.spark.k8s.core.v1.Container;
import io.armadaproject.spark.k8s.core.v1.EnvVar;
import io.armadaproject.spark.k8s.core.v1.EnvVarSource;
import io.armadaproject.spark.k8s.core.v1.ResourceFieldSelector;
import io.armadaproject.spark.k8s.resource.Quantity;
import io.armadaproject.spark.localarmada.submit.GangSpec;
import io.armadaproject.spark.localarmada.util.Quantities;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Resolves a container's {@code env} the way the kubelet does: plain values with {@code $(VAR)} expansion over
 * the variables defined before them, downward-API field and resource references, plus the variables Armada's
 * executor injects ({@code ARMADA_JOB_ID}, ...) unless the container defines them. Values are returned as
 * written in the pod spec: image path mapping happens later.
 */
public final class ContainerEnvResolver {

  private ContainerEnvResolver() {}

  public static Map<String, String> resolve(Container container, PodContext pod) throws PodSetupException {
    if (container.getEnvFromCount() > 0) {
      throw new PodSetupException("container " + container.getName()
          + " uses envFrom (ConfigMap/Secret), which local-armada does not support");
    }
    Map<String, String> resolved = new LinkedHashMap<>();
    for (EnvVar variable : withInjected(container, pod.request())) {
      String value = variable.hasValueFrom()
          ? fromSource(container, variable, pod)
          : VarExpander.expand(variable.getValue(), resolved::get);
      resolved.put(variable.getName(), value);
    }
    return resolved;
  }

  /** The container's env followed by Armada's injected variables that it does not define itself. */
  static List<EnvVar> withInjected(Container container, PodRequest request) {
    List<EnvVar> all = new ArrayList<>(container.getEnvList());
    Map<String, String> injected = new LinkedHashMap<>();
    injected.put("ARMADA_JOB_ID", request.jobId());
    injected.put("ARMADA_QUEUE", request.queue());
    injected.put("ARMADA_JOB_SET_ID", request.jobSetId());
    GangSpec gang = request.gang();
    if (gang != null) {
      injected.put("ARMADA_GANG_ID", gang.id());
      injected.put("ARMADA_GANG_CARDINALITY", Integer.toString(gang.cardinality()));
      if (!gang.uniformityLabel().isEmpty()) {
        injected.put("ARMADA_GANG_NODE_UNIFORMITY_LABEL_NAME", gang.uniformityLabel());
        injected.put("ARMADA_GANG_NODE_UNIFORMITY_LABEL_VALUE", PodMetadata.NODE_NAME);
      }
    }
    injected.forEach((name, value) -> {
      if (container.getEnvList().stream().noneMatch(env -> env.getName().equals(name))) {
        all.add(EnvVar.newBuilder().setName(name).setValue(value).build());
      }
    });
    return all;
  }

  private static String fromSource(Container container, EnvVar variable, PodContext pod) throws PodSetupException {
    EnvVarSource source = variable.getValueFrom();
    String where = "env var " + variable.getName() + " of container " + container.getName();
    if (source.hasFieldRef()) {
      String path = source.getFieldRef().getFieldPath();
      return pod.fieldValue(path)
          .orElseThrow(() -> new PodSetupException(where + " refers to field " + path + ", which local-armada does not know"));
    }
    if (source.hasResourceFieldRef()) {
      return resourceValue(container, source.getResourceFieldRef(), pod, where);
    }
    if (source.hasSecretKeyRef() || source.hasConfigMapKeyRef()) {
      String kind = source.hasSecretKeyRef() ? "secretKeyRef" : "configMapKeyRef";
      throw new PodSetupException(where + " uses " + kind + ", which local-armada does not support");
    }
    throw new PodSetupException(where + " has an empty valueFrom");
  }

  private static String resourceValue(Container self, ResourceFieldSelector selector, PodContext pod, String where)
      throws PodSetupException {
    String containerName = selector.getContainerName().isEmpty() ? self.getName() : selector.getContainerName();
    Container target = Stream.concat(pod.request().podSpec().getContainersList().stream(),
            pod.request().podSpec().getInitContainersList().stream())
        .filter(candidate -> candidate.getName().equals(containerName))
        .findFirst()
        .orElseThrow(() -> new PodSetupException(where + " refers to unknown container " + containerName));
    String[] parts = selector.getResource().split("\\.", 2);
    if (parts.length != 2 || !(parts[0].equals("limits") || parts[0].equals("requests"))) {
      throw new PodSetupException(where + " refers to unsupported resource " + selector.getResource());
    }
    Map<String, Quantity> quantities = parts[0].equals("limits")
        ? target.getResources().getLimitsMap() : target.getResources().getRequestsMap();
    Quantity quantity = quantities.get(parts[1]);
    if (quantity == null) {
      throw new PodSetupException(where + " refers to " + selector.getResource() + ", which container "
          + containerName + " does not set");
    }
    String divisorText = selector.hasDivisor() && !selector.getDivisor().getString().isEmpty()
        ? selector.getDivisor().getString() : "1";
    BigDecimal divisor = Quantities.parse(divisorText);
    if (divisor.signum() <= 0) {
      throw new PodSetupException(where + " has a non-positive divisor " + divisorText);
    }
    BigDecimal value = Quantities.parse(quantity.getString()).divide(divisor, 0, RoundingMode.CEILING);
    return value.toPlainString();
  }
}
