package io.armadaproject.spark.localarmada.jobs;

import com.google.protobuf.Timestamp;
import io.armadaproject.spark.api.Job;
import io.armadaproject.spark.api.JobSubmitRequest;
import io.armadaproject.spark.api.JobSubmitRequestItem;
import io.armadaproject.spark.k8s.core.v1.Container;
import io.armadaproject.spark.k8s.core.v1.PodSpec;
import io.armadaproject.spark.k8s.core.v1.ResourceRequirements;
import io.armadaproject.spark.k8s.resource.Quantity;
import io.armadaproject.spark.localarmada.submit.GangSpec;
import io.armadaproject.spark.localarmada.submit.JobDefaults;
import io.armadaproject.spark.localarmada.util.Quantities;
import io.armadaproject.spark.localarmada.util.Resources;
import java.time.Instant;

/** Turns a validated submission item into a {@link LocalJob} with Armada's server-side defaults applied. */
public final class JobFactory {

  private final JobDefaults defaults;

  public JobFactory(JobDefaults defaults) {
    this.defaults = defaults;
  }

  public LocalJob create(JobSubmitRequest request, JobSubmitRequestItem item, String jobId, long sequence,
      Instant created, String owner) {
    PodSpec podSpec = defaults.podSpec(item.hasPodSpec() ? item.getPodSpec() : item.getPodSpecs(0));
    Resources resources = schedulingResources(podSpec);
    Job spec = Job.newBuilder()
        .setId(jobId)
        .setJobSetId(request.getJobSetId())
        .setQueue(request.getQueue())
        .setPriority(JobDefaults.priority(item.getPriority()))
        .setPodSpec(podSpec)
        .setCreated(Timestamp.newBuilder().setSeconds(created.getEpochSecond()).setNanos(created.getNano()))
        .setNamespace(item.getNamespace())
        .setOwner(owner)
        .putAllLabels(JobDefaults.template(item.getLabelsMap(), jobId))
        .putAllAnnotations(defaults.annotations(item.getAnnotationsMap(), jobId))
        .setClientId(item.getClientId())
        .addAllServices(item.getServicesList())
        .setScheduler(item.getScheduler())
        .setSchedulingResourceRequirements(requirements(resources))
        .build();
    return new LocalJob(spec, sequence, item.getIngressList(), GangSpec.parseValidated(spec.getAnnotationsMap()),
        resources);
  }

  /** max(sum over main containers, max over init containers) of the cpu and memory requests. */
  static Resources schedulingResources(PodSpec spec) {
    Resources sum = Resources.ZERO;
    for (Container container : spec.getContainersList()) {
      sum = sum.plus(requests(container));
    }
    Resources initMax = Resources.ZERO;
    for (Container init : spec.getInitContainersList()) {
      initMax = initMax.max(requests(init));
    }
    return sum.max(initMax);
  }

  private static Resources requests(Container container) {
    ResourceRequirements resources = container.getResources();
    Quantity cpu = resources.getRequestsOrDefault("cpu", resources.getLimitsOrDefault("cpu", null));
    Quantity memory = resources.getRequestsOrDefault("memory", resources.getLimitsOrDefault("memory", null));
    return new Resources(cpu == null ? 0 : Quantities.toMillis(cpu.getString()),
        memory == null ? 0 : Quantities.toBytes(memory.getString()));
  }

  private static ResourceRequirements requirements(Resources resources) {
    Quantity cpu = Quantity.newBuilder().setString(Quantities.formatMillis(resources.cpuMillis())).build();
    Quantity memory = Quantity.newBuilder().setString(Quantities.formatBytes(resources.memoryBytes())).build();
    return ResourceRequirements.newBuilder()
        .putRequests("cpu", cpu).putRequests("memory", memory)
        .putLimits("cpu", cpu).putLimits("memory", memory)
        .build();
  }
}
