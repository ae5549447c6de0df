package io.armadaproject.spark.submit.cluster;

import io.armadaproject.spark.api.JobSubmitRequestItem;
import io.armadaproject.spark.core.config.ConfigException;
import io.armadaproject.spark.core.config.ConfigKey;
import io.armadaproject.spark.k8s.core.v1.Container;
import io.armadaproject.spark.k8s.core.v1.PodSpec;
import io.armadaproject.spark.k8s.resource.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The job item template of one role (driver or executor), checked: which container is the main one
 * (named like the role, or the only unnamed one), what the template says about each field.
 * Without a template every answer is empty.
 */
final class RoleTemplate {
  /** Containers armada-spark adds itself; a template may not use their names. */
  private static final Set<String> RESERVED = Set.of("wait-for-driver", "oauth");
  final String role;
  final JobSubmitRequestItem item;
  private final int mainIndex;

  private RoleTemplate(String role, JobSubmitRequestItem item, int mainIndex) {
    this.role = role;
    this.item = item;
    this.mainIndex = mainIndex;
  }

  static RoleTemplate none(String role) {
    return new RoleTemplate(role, JobSubmitRequestItem.getDefaultInstance(), -1);
  }

  static RoleTemplate of(String role, ConfigKey key, String location, JobSubmitRequestItem item) {
    if (item.getPodSpecsCount() > 0) {
      throw problem(key, location, "uses podSpecs", "write the pod under podSpec");
    }
    if (role.equals("executor") && item.getIngressCount() > 0) {
      throw problem(key, location, "has an ingress; executors cannot have one",
          "remove it; expose the driver with spark.armada.driver.ingress.* or the driver template");
    }
    if (item.getIngressCount() > 1) {
      throw problem(key, location, "has " + item.getIngressCount() + " ingress entries", "keep at most one");
    }
    List<Container> containers = item.getPodSpec().getContainersList();
    int main = -1;
    for (int i = 0; i < containers.size(); i++) {
      if (containers.get(i).getName().equals(role)) {
        main = i;
      }
    }
    if (main < 0 && containers.size() == 1 && containers.get(0).getName().isEmpty()) {
      main = 0;
    }
    if (main < 0 && !containers.isEmpty()) {
      throw problem(key, location, "has containers but none named \"" + role + "\"",
          "name the container armada-spark should run Spark in \"" + role + "\"; others run as sidecars");
    }
    if (main >= 0 && (containers.get(main).getCommandCount() > 0 || containers.get(main).getArgsCount() > 0)) {
      throw problem(key, location, "sets command or args of the " + role + " container",
          "remove them: armada-spark starts Spark in that container");
    }
    List<Container> all = new ArrayList<>(containers);
    all.addAll(item.getPodSpec().getInitContainersList());
    for (Container c : all) {
      if (RESERVED.contains(c.getName())) {
        throw problem(key, location, "has a container named \"" + c.getName() + "\", which armada-spark adds itself",
            "rename it");
      }
    }
    return new RoleTemplate(role, item, main);
  }

  private static ConfigException problem(ConfigKey key, String location, String problem, String fix) {
    return new ConfigException(key.name(), location, problem, fix);
  }

  PodSpec podSpec() {
    return item.getPodSpec();
  }

  Optional<Container> mainContainer() {
    return mainIndex < 0 ? Optional.empty() : Optional.of(podSpec().getContainers(mainIndex));
  }

  /** The template's other containers, which run next to the main one. */
  List<Container> sidecars() {
    List<Container> out = new ArrayList<>(podSpec().getContainersList());
    if (mainIndex >= 0) {
      out.remove(mainIndex);
    }
    return out;
  }

  Optional<String> image() {
    return mainContainer().map(Container::getImage).filter(i -> !i.isEmpty());
  }

  Optional<String> request(String resource) {
    return mainContainer().map(c -> c.getResources().getRequestsMap().get(resource)).map(Quantity::getString);
  }

  Optional<String> limit(String resource) {
    return mainContainer().map(c -> c.getResources().getLimitsMap().get(resource)).map(Quantity::getString);
  }

  Optional<String> namespace() {
    return Optional.of(item.getNamespace()).filter(n -> !n.isEmpty());
  }

  Optional<Double> priority() {
    return item.getPriority() == 0 ? Optional.empty() : Optional.of(item.getPriority());
  }

  Optional<Long> runAsUser() {
    return podSpec().getSecurityContext().hasRunAsUser()
        ? Optional.of(podSpec().getSecurityContext().getRunAsUser()) : Optional.empty();
  }

  Optional<Long> terminationGracePeriodSeconds() {
    return podSpec().hasTerminationGracePeriodSeconds()
        ? Optional.of(podSpec().getTerminationGracePeriodSeconds()) : Optional.empty();
  }

  Optional<String> priorityClassName() {
    return Optional.of(podSpec().getPriorityClassName()).filter(n -> !n.isEmpty());
  }

  Map<String, String> labels() {
    return item.getLabelsMap();
  }

  Map<String, String> annotations() {
    return item.getAnnotationsMap();
  }

  Map<String, String> nodeSelector() {
    return podSpec().getNodeSelectorMap();
  }
}
