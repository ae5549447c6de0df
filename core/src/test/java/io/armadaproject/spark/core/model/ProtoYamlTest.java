package io.armadaproject.spark.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.armadaproject.spark.api.JobSubmitRequest;
import io.armadaproject.spark.api.JobSubmitRequestItem;
import io.armadaproject.spark.api.ServiceConfig;
import io.armadaproject.spark.api.ServiceType;
import io.armadaproject.spark.k8s.core.v1.Container;
import io.armadaproject.spark.k8s.core.v1.PodSpec;
import org.junit.jupiter.api.Test;

class ProtoYamlTest {
  @Test
  void writesTemplateStyleYamlAndRedactsSecretEnv() {
    JobSubmitRequest request = JobSubmitRequest.newBuilder()
        .setQueue("q").setJobSetId("set")
        .addJobRequestItems(JobSubmitRequestItem.newBuilder()
            .setNamespace("default")
            .putLabels("spark-role", "driver")
            .addServices(ServiceConfig.newBuilder().setType(ServiceType.Headless).addPorts(7078))
            .setPodSpec(PodSpec.newBuilder()
                .setTerminationGracePeriodSeconds(30)
                .addContainers(Container.newBuilder().setName("driver").addArgs("say \"hi\"")
                    .addEnv(Pods.env("ARMADA_AUTH_TOKEN", "s3cret"))
                    .addEnv(Pods.env("PLAIN", "visible"))
                    .setResources(Pods.resources("1", "1", "1Gi", "1Gi")))))
        .build();
    String yaml = new ProtoYaml(name -> name.equals("ARMADA_AUTH_TOKEN")).write(request);
    assertThat(yaml).startsWith("queue: \"q\"\njobSetId: \"set\"\njobRequestItems:\n- ");
    assertThat(yaml).contains("  labels:\n    \"spark-role\": \"driver\"\n");
    assertThat(yaml).contains("type: Headless").contains("    ports:\n    - 7078");
    assertThat(yaml).contains("terminationGracePeriodSeconds: 30");
    assertThat(yaml).contains("- \"say \\\"hi\\\"\"");
    assertThat(yaml).contains("\"cpu\":\n").contains("string: \"1Gi\"");
    assertThat(yaml).doesNotContain("s3cret").contains("value: \"<redacted>\"").contains("value: \"visible\"");
  }
}
