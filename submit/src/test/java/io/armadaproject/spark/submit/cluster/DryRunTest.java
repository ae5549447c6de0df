package io.armadaproject.spark.submit.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.armadaproject.spark.api.JobSubmitRequest;
import io.armadaproject.spark.core.client.ArmadaClient;
import io.armadaproject.spark.k8s.core.v1.Container;
import io.armadaproject.spark.k8s.core.v1.PodSpec;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DryRunTest {
  @TempDir Path tmp;

  @Test
  void printsTheRequestsAsYamlWritesTheirBytesAndContactsNobody() throws Exception {
    Path bytes = tmp.resolve("requests.pb");
    Submissions sub = new Submissions()
        .set("spark.armada.dryRun", "true")
        .set("spark.armada.dryRun.protobufFile", bytes.toString())
        .set("spark.armada.auth.token", "s3cret-token")
        .set("spark.armada.scheduling.nodeUniformityLabel", "armada-spark");
    DryRunOutput out = dryRun(sub);
    String yaml = out.printed;
    assertThat(out.exit).isZero();
    assertThat(out.connections).hasValue(0);
    assertThat(yaml).contains("# SubmitJobs request 1 of 2 (driver)").contains("queue: \"q1\"")
        .contains("\"armadaproject.io/gangCardinality\": \"3\"")
        .contains("armada-dry-run-driver-job-id-0-service-0")
        .doesNotContain("s3cret-token");

    try (InputStream in = Files.newInputStream(bytes)) {
      JobSubmitRequest driver = JobSubmitRequest.parseDelimitedFrom(in);
      JobSubmitRequest executors = JobSubmitRequest.parseDelimitedFrom(in);
      assertThat(driver.getJobRequestItemsCount()).isEqualTo(1);
      assertThat(executors.getJobRequestItemsCount()).isEqualTo(2);
      assertThat(JobSubmitRequest.parseDelimitedFrom(in)).isNull();
      assertThat(driver.getQueue()).isEqualTo("q1");
      assertThat(driver.getJobRequestItems(0).getClientId()).endsWith("-driver");
      assertThat(executors.getJobRequestItems(1).getClientId()).endsWith("-exec-2");
      // the bytes are the requests the YAML shows
      assertThat(yaml).contains(driver.getJobRequestItems(0).getClientId())
          .contains(executors.getJobRequestItems(0).getAnnotationsOrThrow("armadaproject.io/gangId"));
    }
  }

  @Test
  void secretsAppearNowhereInTheOutputTheYamlOrTheBytesAsArguments() throws Exception {
    Path bytes = tmp.resolve("requests.pb");
    Submissions sub = new Submissions()
        .set("spark.armada.dryRun", "true")
        .set("spark.armada.dryRun.protobufFile", bytes.toString())
        .set("spark.armada.auth.token", "tok-s3cret")
        .set("spark.armada.driver.ingress.enabled", "true")
        .set("spark.armada.oauth.enabled", "true")
        .set("spark.armada.oauth.clientId", "ui")
        .set("spark.armada.oauth.clientSecret", "oauth-s3cret")
        .set("spark.armada.oauth.issuerUrl", "https://idp.example");
    DryRunOutput out = dryRun(sub);
    assertThat(out.exit).as(out.messages).isZero();
    String output = out.printed + out.messages;
    assertThat(output).contains("OAUTH2_PROXY_CLIENT_SECRET").contains("<redacted>")
        .doesNotContain("oauth-s3cret").doesNotContain("tok-s3cret");
    try (InputStream in = Files.newInputStream(bytes)) {
      JobSubmitRequest driver = JobSubmitRequest.parseDelimitedFrom(in);
      PodSpec pod = driver.getJobRequestItems(0).getPodSpec();
      List<Container> all = new ArrayList<>(pod.getContainersList());
      all.addAll(pod.getInitContainersList());
      assertThat(all.stream().flatMap(c -> Stream.concat(c.getArgsList().stream(), c.getCommandList().stream())))
          .noneMatch(a -> a.contains("s3cret"));
      Container proxy = pod.getInitContainersList().stream()
          .filter(c -> c.getName().equals("oauth")).findFirst().orElseThrow();
      // the one place it must be: the sidecar's env, which the real submission needs
      assertThat(proxy.getEnvList()).anyMatch(v -> v.getName().equals("OAUTH2_PROXY_CLIENT_SECRET")
          && v.getValue().equals("oauth-s3cret"));
      assertThat(pod.getContainers(0).getEnvList()).noneMatch(v -> v.getValue().contains("oauth-s3cret"));
    }
  }

  /** What a dry run printed (the YAML on stdout, messages on the submitter's stream) and whom it contacted. */
  private static final class DryRunOutput {
    int exit;
    String printed;
    String messages;
    final AtomicInteger connections = new AtomicInteger();
  }

  private static DryRunOutput dryRun(Submissions sub) {
    DryRunOutput out = new DryRunOutput();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    ByteArrayOutputStream messages = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(printed, true));
    try {
      out.exit = new ClusterModeSubmitter(new PrintStream(messages, true), (endpoint, options) -> {
        out.connections.incrementAndGet();
        return (ArmadaClient) null;
      }).run(sub.args());
    } finally {
      System.setOut(original);
    }
    out.printed = printed.toString();
    out.messages = messages.toString();
    return out;
  }
}
