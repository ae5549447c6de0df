package io.armadaproject.spark.core.model;

import io.armadaproject.spark.api.IngressConfig;
import io.armadaproject.spark.api.JobSubmitRequestItem;
import io.armadaproject.spark.api.ServiceConfig;
import io.armadaproject.spark.k8s.core.v1.Container;
import io.armadaproject.spark.k8s.core.v1.ContainerPort;
import io.armadaproject.spark.k8s.core.v1.PodSpec;
import io.armadaproject.spark.k8s.resource.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules Armada's SubmitJobs applies to a job item (armada-api.md section 4.2), plus Kubernetes'
 * label and annotation syntax, checked on the client so that a bad job is never sent. Each problem
 * names the field and the rule.
 */
public final class JobItemRules {
  private static final int MAX_POD_SPEC_BYTES = 65535;
  private static final int MAX_CLIENT_ID = 100;
  private static final BigDecimal MIN_MEMORY = BigDecimal.valueOf(1L << 20);
  private static final Pattern PRICE_BAND = Pattern.compile("[A-Ha-h]");

  private JobItemRules() {}

  public static List<String> problems(JobSubmitRequestItem item) {
    List<String> out = new ArrayList<>();
    if (item.getNamespace().isEmpty()) {
      out.add("namespace is empty; Armada requires one");
    }
    if (item.getPriority() < 0) {
      out.add("priority " + item.getPriority() + " is negative");
    }
    if (item.getClientId().length() > MAX_CLIENT_ID) {
      out.add("client id is longer than " + MAX_CLIENT_ID + " characters");
    }
    if (!item.hasPodSpec() || item.getPodSpec().getContainersCount() == 0) {
      out.add("has no pod spec with a container");
      return out;
    }
    PodSpec pod = item.getPodSpec();
    int size = pod.getSerializedSize();
    if (size > MAX_POD_SPEC_BYTES) {
      out.add("pod spec is " + size + " bytes, more than Armada's " + MAX_POD_SPEC_BYTES);
    }
    if (pod.getAffinity().getNodeAffinity().getPreferredDuringSchedulingIgnoredDuringExecutionCount() > 0) {
      out.add("podSpec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution is not supported by Armada");
    }
    for (Container c : pod.getContainersList()) {
      resources(c, false, out);
    }
    for (Container c : pod.getInitContainersList()) {
      resources(c, true, out);
    }
    ports(item, pod, out);
    metadata(item, out);
    return out;
  }

  private static void resources(Container c, boolean init, List<String> out) {
    String name = (init ? "init container \"" : "container \"") + c.getName() + "\"";
    Map<String, Quantity> requests = c.getResources().getRequestsMap();
    Map<String, Quantity> limits = c.getResources().getLimitsMap();
    if (requests.isEmpty() && limits.isEmpty()) {
      out.add(name + " has no resources; Armada needs requests and limits");
      return;
    }
    Set<String> names = new HashSet<>(requests.keySet());
    names.addAll(limits.keySet());
    for (String resource : names) {
      Quantity request = requests.get(resource);
      Quantity limit = limits.get(resource);
      if (request == null || limit == null) {
        out.add(name + " sets " + resource + " for " + (request == null ? "limits" : "requests") + " only; Armada "
            + "needs both, equal");
        continue;
      }
      BigDecimal r = value(name, resource, request, out);
      BigDecimal l = value(name, resource, limit, out);
      if (r == null || l == null) {
        continue;
      }
      if (r.compareTo(l) != 0) {
        out.add(name + " requests " + request.getString() + " " + resource + " but limits it to " + limit.getString()
            + "; Armada needs requests equal to limits");
      }
      if (resource.equals("memory") && r.compareTo(MIN_MEMORY) < 0) {
        out.add(name + " requests less than Armada's minimum of 1Mi memory");
      }
      if (init && resource.equals("cpu") && r.signum() > 0 && r.stripTrailingZeros().scale() <= 0) {
        out.add(name + " requests a whole number of cpus (" + request.getString()
            + "); Armada needs fractional cpu for init containers, e.g. 900m");
      }
    }
  }

  private static BigDecimal value(String name, String resource, Quantity q, List<String> out) {
    try {
      BigDecimal v = Quantities.value(q.getString());
      if (v.signum() < 0) {
        out.add(name + " has a negative " + resource + " (" + q.getString() + ")");
        return null;
      }
      return v;
    } catch (IllegalArgumentException e) {
      out.add(name + " " + resource + ": " + e.getMessage());
      return null;
    }
  }

  private static void ports(JobSubmitRequestItem item, PodSpec pod, List<String> out) {
    Map<Integer, String> declared = new HashMap<>();
    List<Container> all = new ArrayList<>(pod.getContainersList());
    all.addAll(pod.getInitContainersList());
    for (Container c : all) {
      for (ContainerPort p : c.getPortsList()) {
        String previous = declared.put(p.getContainerPort(), c.getName());
        if (previous != null) {
          out.add("container port " + p.getContainerPort() + " is declared by both \"" + previous + "\" and \""
              + c.getName() + "\"");
        }
      }
    }
    for (ServiceConfig service : item.getServicesList()) {
      for (int port : service.getPortsList()) {
        if (!declared.containsKey(port)) {
          out.add("service port " + port + " is not a port of any container, so Armada would drop it");
        }
      }
    }
    Set<Integer> ingressPorts = new HashSet<>();
    for (IngressConfig ingress : item.getIngressList()) {
      if (ingress.getPortsCount() == 0) {
        out.add("an ingress has no ports");
      }
      for (int port : ingress.getPortsList()) {
        if (!ingressPorts.add(port)) {
          out.add("port " + port + " is in two ingress entries");
        }
        if (!declared.containsKey(port)) {
          out.add("ingress port " + port + " is not a port of any container, so Armada would drop it");
        }
      }
    }
  }

  private static void metadata(JobSubmitRequestItem item, List<String> out) {
    item.getLabelsMap().forEach((k, v) -> {
      String problem = LabelRules.keyProblem(k);
      if (problem == null) {
        problem = LabelRules.valueProblem(v);
      }
      if (problem != null) {
        out.add("label " + k + "=" + v + " " + problem);
      }
    });
    for (String k : item.getAnnotationsMap().keySet()) {
      String problem = AnnotationRules.keyProblem(k);
      if (problem != null) {
        out.add("annotation key " + k + " " + problem);
      }
    }
    String size = AnnotationRules.sizeProblem(item.getAnnotationsMap());
    if (size != null) {
      out.add("annotations " + size);
    }
    String band = item.getAnnotationsMap().get("armadaproject.io/priceBand");
    if (band != null && !PRICE_BAND.matcher(band).matches()) {
      out.add("annotation armadaproject.io/priceBand=" + band + " is not a band letter A to H");
    }
    String failFast = item.getAnnotationsMap().get("armadaproject.io/failFast");
    if (item.getAnnotationsMap().containsKey(GangSpec.GANG_ID) && failFast != null && !failFast.equals("true")) {
      out.add("gang jobs may only set armadaproject.io/failFast to true");
    }
  }

  /** Gang consistency across the items of one gang (one application). */
  public static List<String> gangProblems(List<JobSubmitRequestItem> items) {
    List<String> out = new ArrayList<>();
    Map<String, String> first = null;
    for (JobSubmitRequestItem item : items) {
      Map<String, String> a = item.getAnnotationsMap();
      if (!a.containsKey(GangSpec.GANG_ID)) {
        continue;
      }
      if (a.get(GangSpec.GANG_ID).isEmpty()) {
        out.add("gang id is empty");
      }
      String cardinality = a.getOrDefault(GangSpec.GANG_CARDINALITY, "");
      if (!cardinality.matches("[1-9][0-9]*")) {
        out.add("gang cardinality \"" + cardinality + "\" is not a positive number");
      }
      if (first == null) {
        first = a;
        continue;
      }
      for (String key : List.of(GangSpec.GANG_ID, GangSpec.GANG_CARDINALITY, GangSpec.GANG_NODE_UNIFORMITY_LABEL)) {
        if (!String.valueOf(first.get(key)).equals(String.valueOf(a.get(key)))) {
          out.add("inconsistent " + key + " in the gang: " + first.get(key) + " and " + a.get(key));
        }
      }
      if (!item.getPodSpec().getPriorityClassName().equals(items.get(0).getPodSpec().getPriorityClassName())) {
        out.add("inconsistent priorityClassName in the gang");
      }
    }
    return out;
  }
}
