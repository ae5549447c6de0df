package io.armadaproject.spark.localarmada.pods;

import static io.armadaproject.spark.localarmada.TestJobs.container;
import static io.armadaproject.spark.localarmada.TestJobs.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.armadaproject.spark.api.IngressConfig;
import io.armadaproject.spark.api.ServiceConfig;
import io.armadaproject.spark.api.ServiceType;
import io.armadaproject.spark.k8s.core.v1.ContainerPort;
import io.armadaproject.spark.k8s.core.v1.PodSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceNamesTest {

  private static final PodSpec DRIVER = pod(container("driver", "img")
      .addPorts(ContainerPort.newBuilder().setContainerPort(7078))
      .addPorts(ContainerPort.newBuilder().setContainerPort(7079))
      .addPorts(ContainerPort.newBuilder().setContainerPort(9999).setHostPort(9999)));

  @Test
  void namesServicesWhosePortsMatchAndSkipsTheRestWithoutUsingAnIndex() {
    List<ServiceNames.Service> services = ServiceNames.of(request(DRIVER, List.of(
        ServiceConfig.newBuilder().setType(ServiceType.Headless).addPorts(4040).build(),
        ServiceConfig.newBuilder().setType(ServiceType.Headless).addPorts(7078).addPorts(4040).build(),
        ServiceConfig.newBuilder().addPorts(9999).build(),
        ServiceConfig.newBuilder().addPorts(7079).build()), List.of()));
    assertThat(services).containsExactly(
        new ServiceNames.Service("armada-job1-0-service-0", ServiceNames.ServiceType.HEADLESS, Set.of(7078)),
        new ServiceNames.Service("armada-job1-0-service-1", ServiceNames.ServiceType.NODE_PORT, Set.of(7079)));
  }

  @Test
  void aCustomNameIsUsedAndTakesNoIndex() {
    List<ServiceNames.Service> services = ServiceNames.of(request(DRIVER, List.of(
        ServiceConfig.newBuilder().setType(ServiceType.Headless).addPorts(7078).setName("spark-driver-abc").build(),
        ServiceConfig.newBuilder().addPorts(7079).build()), List.of()));
    assertThat(services).extracting(ServiceNames.Service::name)
        .containsExactly("spark-driver-abc", "armada-job1-0-service-0");
  }

  @Test
  void ingressReusesACoveringServiceOrAddsOne() {
    List<ServiceNames.Service> services = ServiceNames.of(request(DRIVER,
        List.of(ServiceConfig.newBuilder().addPorts(7078).build()),
        List.of(IngressConfig.newBuilder().addPorts(7078).build(), IngressConfig.newBuilder().addPorts(7079).build())));
    assertThat(services).extracting(ServiceNames.Service::name)
        .containsExactly("armada-job1-0-service-0", "armada-job1-0-service-1");
    assertThat(services.get(1).type()).isEqualTo(ServiceNames.ServiceType.CLUSTER_IP);
  }

  @Test
  void nativeSidecarPortsCount() {
    PodSpec spec = pod(container("main", "img")).toBuilder()
        .addInitContainers(container("proxy", "img").setRestartPolicy("Always")
            .addPorts(ContainerPort.newBuilder().setContainerPort(4180)))
        .addInitContainers(container("setup", "img").addPorts(ContainerPort.newBuilder().setContainerPort(5000)))
        .build();
    assertThat(ServiceNames.candidatePorts(spec)).containsExactly(4180);
  }

  static PodRequest request(PodSpec spec, List<ServiceConfig> services, List<IngressConfig> ingress) {
    return new PodRequest("job1", "q", "set", "anonymous", "ns", spec, Map.of(), Map.of(), services, ingress, null);
  }
}
