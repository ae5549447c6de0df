package io.armadaproject.spark.submit.cluster;

import io.armadaproject.spark.api.JobSubmitRequestItem;
import io.armadaproject.spark.core.model.Pods;
import io.armadaproject.spark.k8s.core.v1.Container;
import io.armadaproject.spark.k8s.core.v1.ContainerPort;
import io.armadaproject.spark.k8s.core.v1.EnvVar;
import io.armadaproject.spark.k8s.core.v1.PodSpec;
import io.armadaproject.spark.k8s.core.v1.ResourceRequirements;
import java.util.ArrayList;
import java.util.List;

/**
 * What the driver's and the executors' Armada jobs have in common: each starts from its role's
 * job item template (everything a user wrote is kept) and armada-spark sets what it must.
 */
final class JobItems {
  private JobItems() {}

  /** The role's pod without containers: runs once, as the resolved user, on the selected nodes. */
  static PodSpec.Builder pod(RoleSpec role) {
    PodSpec template = role.template.podSpec();
    PodSpec.Builder pod = template.toBuilder()
        .clearContainers()
        .setRestartPolicy("Never")
        .setTerminationGracePeriodSeconds(role.gracePeriodSeconds)
        .setSecurityContext(template.getSecurityContext().toBuilder().setRunAsUser(role.runAsUser))
        .clearNodeSelector()
        .putAllNodeSelector(role.nodeSelector);
    role.priorityClass.ifPresent(pod::setPriorityClassName);
    return pod;
  }

  /** The role's main container: the template's one (if any) with name, image and cpu/memory set. */
  static Container.Builder mainContainer(RoleSpec role, String name) {
    Container.Builder c = role.template.mainContainer().map(Container::toBuilder).orElseGet(Container::newBuilder)
        .setName(name)
        .setImage(role.image);
    if (!c.hasImagePullPolicy()) {
      c.setImagePullPolicy("IfNotPresent");
    }
    ResolvedSubmission.PodResources r = role.resources;
    ResourceRequirements.Builder resources = c.getResources().toBuilder() // keeps e.g. nvidia.com/gpu
        .putRequests("cpu", Pods.quantity(r.cpuRequest)).putRequests("memory", Pods.quantity(r.memoryRequest))
        .putLimits("cpu", Pods.quantity(r.cpuLimit)).putLimits("memory", Pods.quantity(r.memoryLimit));
    return c.setResources(resources);
  }

  /** Sets env vars on {@code c}; a template var of the same name is replaced, not duplicated. */
  static Container.Builder env(Container.Builder c, List<EnvVar> ours) {
    List<EnvVar> kept = new ArrayList<>();
    for (EnvVar e : c.getEnvList()) {
      if (ours.stream().noneMatch(o -> o.getName().equals(e.getName()))) {
        kept.add(e);
      }
    }
    return c.clearEnv().addAllEnv(kept).addAllEnv(ours);
  }

  /** Declares a port on {@code c}; a template port with the same number is replaced. */
  static Container.Builder port(Container.Builder c, String name, int port) {
    List<ContainerPort> kept = new ArrayList<>();
    for (ContainerPort p : c.getPortsList()) {
      if (p.getContainerPort() != port) {
        kept.add(p);
      }
    }
    return c.clearPorts().addAllPorts(kept)
        .addPorts(ContainerPort.newBuilder().setName(name).setContainerPort(port).setProtocol("TCP"));
  }

  /** The job item: the role template's, with the resolved metadata and pod; in its gang if any. */
  static JobSubmitRequestItem.Builder item(ResolvedSubmission s, RoleSpec role, PodSpec pod) {
    JobSubmitRequestItem.Builder item = role.template.item.toBuilder()
        .clearPodSpec()
        .clearServices()
        .clearIngress()
        .setPriority(role.priority)
        .setNamespace(s.namespace)
        .clearLabels()
        .putAllLabels(role.labels)
        .clearAnnotations()
        .putAllAnnotations(role.annotations)
        .setPodSpec(pod);
    s.gang.ifPresent(g -> item.putAllAnnotations(g.annotations()));
    return item;
  }
}
