package io.armadaproject.spark.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.armadaproject.spark.api.JobSubmitRequest;
import io.armadaproject.spark.api.JobSubmitRequestItem;
import io.armadaproject.spark.api.ServiceType;
import io.armadaproject.spark.k8s.core.v1.Container;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YamlProtoReaderTest {
  private static final String ITEM = String.join("\n",
      "priority: 2",
      "namespace: spark",
      "labels: {team: data}",
      "annotations:",
      "  example.com/owner: data",
      "services: [{type: Headless, ports: [9090]}]",
      "podSpec:",
      "  securityContext: {runAsUser: 1000, fsGroup: 2000}",
      "  tolerations: [{key: gpu, operator: Exists, effect: NoSchedule}]",
      "  topologySpreadConstraints:",
      "    - maxSkew: 1",
      "      topologyKey: kubernetes.io/hostname",
      "      whenUnsatisfiable: ScheduleAnyway",
      "  containers:",
      "    - name: executor",
      "      envFrom: [{secretRef: {name: creds}}]",
      "      securityContext: {readOnlyRootFilesystem: true}",
      "      livenessProbe:",
      "        httpGet: {path: /health, port: 8080}",
      "      readinessProbe:",
      "        httpGet: {path: /ready, port: http}",
      "      resources:",
      "        limits: {cpu: 2, memory: 4Gi, nvidia.com/gpu: 1}");

  @Test
  void keepsEveryPodSpecFieldAUserWrites() throws Exception {
    JobSubmitRequestItem.Builder item = JobSubmitRequestItem.newBuilder();
    YamlProtoReader.read(ITEM, item);
    assertThat(item.getPriority()).isEqualTo(2.0);
    assertThat(item.getLabelsMap()).containsEntry("team", "data");
    assertThat(item.getAnnotationsMap()).containsEntry("example.com/owner", "data");
    assertThat(item.getServices(0).getType()).isEqualTo(ServiceType.Headless);
    assertThat(item.getPodSpec().getSecurityContext().getFsGroup()).isEqualTo(2000);
    assertThat(item.getPodSpec().getTolerations(0).getOperator()).isEqualTo("Exists");
    assertThat(item.getPodSpec().getTopologySpreadConstraints(0).getTopologyKey()).isEqualTo("kubernetes.io/hostname");
    Container c = item.getPodSpec().getContainers(0);
    assertThat(c.getEnvFrom(0).getSecretRef().getLocalObjectReference().getName()).isEqualTo("creds");
    assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(c.getLivenessProbe().getHandler().getHttpGet().getPort().getIntVal()).isEqualTo(8080);
    assertThat(c.getReadinessProbe().getHandler().getHttpGet().getPort().getStrVal()).isEqualTo("http");
    assertThat(c.getResources().getLimitsMap().get("memory").getString()).isEqualTo("4Gi");
    assertThat(c.getResources().getLimitsMap().get("nvidia.com/gpu").getString()).isEqualTo("1");
  }

  @Test
  void acceptsCamelCaseAndSnakeCaseKeys() throws Exception {
    JobSubmitRequest.Builder camel = JobSubmitRequest.newBuilder();
    YamlProtoReader.read("queue: q\njobSetId: s\njobRequestItems: [{namespace: n}]", camel);
    JobSubmitRequest.Builder snake = JobSubmitRequest.newBuilder();
    YamlProtoReader.read("queue: q\njob_set_id: s\njob_request_items: [{namespace: n}]", snake);
    assertThat(camel.build()).isEqualTo(snake.build());
    assertThat(snake.getJobSetId()).isEqualTo("s");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "'podSpec:\\n  containers:\\n    - name: x\\n      livenessProbe: {httpGett: {path: /}}'|line 4: podSpec.containers[0].livenessProbe.httpGett is not a field of Probe (did you mean httpGet?)",
    "'apiVersion: v1'|line 1: apiVersion is not a field of JobSubmitRequestItem",
    "'priority: high'|line 1: priority \"high\" is not a double",
    "'podSpec: {containers: [{resources: {limits: {cpu: lots}}}]}'|podSpec.containers[0].resources.limits.cpu \"lots\" is not a Kubernetes quantity",
    "'labels: [a, b]'|line 1: labels must be a mapping",
    "'namespace: a\\nnamespace: b'|line 2: namespace is given twice",
    "'podSpec: {hostNetwork: maybe}'|podSpec.hostNetwork \"maybe\" is not true or false",
    "'podSpec: {containers: {name: x}}'|podSpec.containers must be a list",
    "'labels: {a: 1\\n'|line 2: not valid YAML",
    "''|is empty"
  })
  void rejectsWhatIsNotAJobItemNamingLineAndField(String yaml, String message) {
    assertThatThrownBy(() -> YamlProtoReader.read(yaml.replace("\\n", "\n"), JobSubmitRequestItem.newBuilder()))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining(message);
  }
}
