package io.armadaproject.spark.submit.cluster;

import io.armadaproject.spark.api.JobSubmitRequest;
import io.armadaproject.spark.core.config.ArmadaConfigKeys;
import io.armadaproject.spark.core.model.ProtoYaml;
import io.armadaproject.spark.submit.auth.ArmadaCredentials;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code spark.armada.dryRun}: the requests a submission would send, printed as YAML (secrets
 * redacted) and optionally written as protobuf bytes, with nothing sent to Armada. The driver's
 * job id is not known before submission; executor items name it {@link #DRIVER_JOB_ID}.
 */
final class DryRun {
  static final String DRIVER_JOB_ID = "dry-run-driver-job-id";
  private final PrintStream out;

  DryRun(PrintStream out) {
    this.out = out;
  }

  int print(ResolvedSubmission s) {
    List<JobSubmitRequest> requests = requests(s);
    ProtoYaml yaml = new ProtoYaml(name -> name.equals(ArmadaCredentials.DRIVER_TOKEN_ENV)
        || OAuthProxySidecar.SECRET_ENV.contains(name));
    for (int i = 0; i < requests.size(); i++) {
      out.println("# SubmitJobs request " + (i + 1) + " of " + requests.size() + (i == 0 ? " (driver)" : " (executors)"));
      out.println("---");
      out.print(yaml.write(requests.get(i)));
    }
    if (s.dryRunProtobufFile.isPresent()) {
      String file = s.dryRunProtobufFile.get();
      try (OutputStream bytes = Files.newOutputStream(Paths.get(file))) {
        for (JobSubmitRequest r : requests) {
          r.writeDelimitedTo(bytes);
        }
      } catch (IOException e) {
        throw new io.armadaproject.spark.core.config.ConfigException(
            ArmadaConfigKeys.DRY_RUN_PROTOBUF_FILE.name(), file, "could not be written: " + e.getMessage(),
            "point it at a writable file");
      }
      out.println("# wrote " + requests.size() + " length-delimited JobSubmitRequest messages to " + file);
    }
    return 0;
  }

  static List<JobSubmitRequest> requests(ResolvedSubmission s) {
    List<JobSubmitRequest> requests = new ArrayList<>();
    requests.add(JobSubmitRequest.newBuilder().setQueue(s.queue()).setJobSetId(s.jobSetId())
        .addJobRequestItems(new DriverJobFactory().build(s)).build());
    JobSubmitRequest.Builder executors = JobSubmitRequest.newBuilder().setQueue(s.queue()).setJobSetId(s.jobSetId());
    ExecutorJobFactory factory = new ExecutorJobFactory();
    for (int i = 1; i <= s.executorCount(); i++) {
      executors.addJobRequestItems(factory.build(s, DRIVER_JOB_ID, i));
    }
    requests.add(executors.build());
    return requests;
  }
}
