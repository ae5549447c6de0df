package io.armadaproject.spark.submit.cluster;

import io.armadaproject.spark.api.JobSubmitRequestItem;
import io.armadaproject.spark.core.model.JobItemRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the jobs a submission would send against Armada's submit rules before anything is sent,
 * so a job that Armada (or Kubernetes) would reject fails here with the job, the field and the rule.
 */
final class ArmadaRulesCheck {
  private ArmadaRulesCheck() {}

  /** The problems of the driver job and of an executor job (all executor jobs have the same shape). */
  static List<String> problems(ResolvedSubmission s) {
    JobSubmitRequestItem driver = new DriverJobFactory().build(s);
    JobSubmitRequestItem executor = new ExecutorJobFactory().build(s, "check", 1);
    List<String> out = new ArrayList<>();
    JobItemRules.problems(driver).forEach(p -> out.add("driver job: " + p));
    JobItemRules.problems(executor).forEach(p -> out.add("executor jobs: " + p));
    JobItemRules.gangProblems(List.of(driver, executor)).forEach(p -> out.add("gang: " + p));
    return out;
  }

  /** The error text for {@code problems}, with where to fix them. */
  static String message(List<String> problems) {
    return "Armada would reject this submission: " + String.join("; ", problems)
        + ". Fix: change the spark.armada.* setting or the job item template that sets these fields "
        + "(docs/configuration.md, docs/templates.md)";
  }
}
