package io.armadaproject.spark.submit.cluster;

import static io.armadaproject.spark.core.config.ArmadaConfigKeys.DRIVER_JOB_ITEM_TEMPLATE;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.EXECUTOR_JOB_ITEM_TEMPLATE;
import static io.armadaproject.spark.core.config.ArmadaConfigKeys.JOB_TEMPLATE;

import io.armadaproject.spark.api.JobSubmitRequest;
import io.armadaproject.spark.api.JobSubmitRequestItem;
import io.armadaproject.spark.core.config.ArmadaConf;
import io.armadaproject.spark.core.config.ConfigException;
import io.armadaproject.spark.core.config.ConfigKey;
import java.util.Optional;

/** The three templates a submission may name, loaded and checked (see docs/templates.md). */
final class Templates {
  final Optional<String> queue;
  final Optional<String> jobSetId;
  /** The job template's one item: labels, annotations, priority and namespace for both roles. */
  final JobSubmitRequestItem common;
  final RoleTemplate driver;
  final RoleTemplate executor;

  private Templates(Optional<String> queue, Optional<String> jobSetId, JobSubmitRequestItem common,
      RoleTemplate driver, RoleTemplate executor) {
    this.queue = queue;
    this.jobSetId = jobSetId;
    this.common = common;
    this.driver = driver;
    this.executor = executor;
  }

  static Templates load(ArmadaConf armada) {
    JobSubmitRequest job = armada.get(JOB_TEMPLATE)
        .map(location -> jobTemplate(location, TemplateLoader.load(JOB_TEMPLATE, location, JobSubmitRequest.newBuilder())))
        .orElse(JobSubmitRequest.getDefaultInstance());
    return new Templates(
        Optional.of(job.getQueue()).filter(q -> !q.isEmpty()),
        Optional.of(job.getJobSetId()).filter(s -> !s.isEmpty()),
        job.getJobRequestItemsCount() == 0 ? JobSubmitRequestItem.getDefaultInstance() : job.getJobRequestItems(0),
        role(armada, "driver", DRIVER_JOB_ITEM_TEMPLATE),
        role(armada, "executor", EXECUTOR_JOB_ITEM_TEMPLATE));
  }

  private static JobSubmitRequest jobTemplate(String location, JobSubmitRequest.Builder job) {
    if (job.getJobRequestItemsCount() > 1) {
      throw new ConfigException(JOB_TEMPLATE.name(), location, "has " + job.getJobRequestItemsCount()
          + " jobRequestItems", "keep one item with the labels, annotations, priority and namespace of all jobs");
    }
    if (job.getJobRequestItemsCount() == 1) {
      JobSubmitRequestItem item = job.getJobRequestItems(0);
      if (item.hasPodSpec() || item.getPodSpecsCount() > 0 || item.getServicesCount() > 0
          || item.getIngressCount() > 0) {
        throw new ConfigException(JOB_TEMPLATE.name(), location,
            "has a pod spec, services or ingress in its jobRequestItems entry",
            "put them in " + DRIVER_JOB_ITEM_TEMPLATE.name() + " or " + EXECUTOR_JOB_ITEM_TEMPLATE.name());
      }
    }
    return job.build();
  }

  private static RoleTemplate role(ArmadaConf armada, String role, ConfigKey key) {
    return armada.get(key)
        .map(location -> RoleTemplate.of(role, key, location,
            TemplateLoader.load(key, location, JobSubmitRequestItem.newBuilder()).build()))
        .orElse(RoleTemplate.none(role));
  }
}
