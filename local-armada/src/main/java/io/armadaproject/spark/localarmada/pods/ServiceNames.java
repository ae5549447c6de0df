package io.armadaproject.spark.localarmada.pods;

import io.armadaproject.spark.api.IngressConfig;
import io.armadaproject.spark.api.ServiceConfig;
import io.armadaproject.spark.k8s.core.v1.Container;
import io.armadaproject.spark.k8s.core.v1.ContainerPort;
import io.armadaproject.spark.k8s.core.v1.PodSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Kubernetes services Armada's executor would create for a pod (reference 4.4): one per service config
 * whose ports match a candidate container port, named {@code armada-<jobId>-0-service-<i>}, then one per
 * ingress config that no earlier service already covers.
 */
public final class ServiceNames {

  /** A generated service: its name and the container ports it exposes. */
  public record Service(String name, ServiceType type, Set<Integer> ports) {}

  /** How the service is exposed; ingress-only services are ClusterIP. */
  public enum ServiceType { NODE_PORT, HEADLESS, CLUSTER_IP }

  private ServiceNames() {}

  public static List<Service> of(PodRequest request) {
    Set<Integer> candidates = candidatePorts(request.podSpec());
    List<Service> services = new ArrayList<>();
    int index = 0;
    for (ServiceConfig config : request.services()) {
      Set<Integer> ports = matching(config.getPortsList(), candidates);
      if (!ports.isEmpty()) {
        ServiceType type = config.getTypeValue() == 1 ? ServiceType.HEADLESS : ServiceType.NODE_PORT;
        // a custom name (Armada's allowCustomServiceNames, always on here) does not use up an index
        String name = config.getName().isEmpty() ? PodMetadata.serviceName(request.jobId(), index++) : config.getName();
        services.add(new Service(name, type, ports));
      }
    }
    for (IngressConfig ingress : request.ingress()) {
      Set<Integer> ports = matching(ingress.getPortsList(), candidates);
      boolean covered = services.stream().anyMatch(service -> service.ports().containsAll(ports));
      if (!ports.isEmpty() && !covered) {
        services.add(new Service(PodMetadata.serviceName(request.jobId(), index++), ServiceType.CLUSTER_IP, ports));
      }
    }
    return services;
  }

  /** Ports of main containers and native sidecars, skipping those bound to a host port. */
  static Set<Integer> candidatePorts(PodSpec spec) {
    Set<Integer> ports = new LinkedHashSet<>();
    List<Container> containers = new ArrayList<>(spec.getContainersList());
    spec.getInitContainersList().stream().filter(ContainerKinds::isSidecar).forEach(containers::add);
    for (Container container : containers) {
      for (ContainerPort port : container.getPortsList()) {
        if (port.getHostPort() <= 0) {
          ports.add(port.getContainerPort());
        }
      }
    }
    return ports;
  }

  private static Set<Integer> matching(List<Integer> wanted, Set<Integer> candidates) {
    Set<Integer> ports = new LinkedHashSet<>();
    for (int port : wanted) {
      if (candidates.contains(port)) {
        ports.add(port);
      }
    }
    return ports;
  }
}
