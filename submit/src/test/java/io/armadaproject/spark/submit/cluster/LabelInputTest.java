package io.armadaproject.spark.submit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.armadaproject.spark.core.config.ConfigException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Labels, node selectors and the uniformity label are checked before anything is submitted. */
class LabelInputTest {
  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
    "spark.armada.pod.labels              | bad key=x           | key \"bad key\"",
    "spark.armada.pod.labels              | team=data science   | value \"data science\"",
    "spark.armada.driver.labels           | -lead=x             | key \"-lead\"",
    "spark.armada.executor.labels         | Example.COM/a=b     | invalid prefix",
    "spark.armada.executor.labels         | tier=batch,x=y_     | value \"y_\"",
    "spark.armada.scheduling.nodeSelectors | zone=eu/west       | value \"eu/west\"",
    "spark.armada.scheduling.nodeSelectors | a/b/c=1            | invalid name",
    "spark.armada.scheduling.nodeUniformityLabel | not a label  | invalid name",
    "spark.armada.pod.labels              | novalue             | is not key=value"})
  void badLabelsNameTheKeyTheValueAndTheFix(String key, String value, String problem) {
    assertThatThrownBy(() -> new Submissions().set(key, value).resolve())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(key)
        .hasMessageContaining(problem)
        .hasMessageContaining("Fix:");
  }

  @org.junit.jupiter.api.Test
  void validLabelsReachTheJobs() {
    ResolvedSubmission s = new Submissions()
        .set("spark.armada.pod.labels", "team=data,armadaproject.io/owner=me, empty=")
        .set("spark.armada.scheduling.nodeSelectors", "kubernetes.io/hostname=node-1")
        .set("spark.armada.scheduling.nodeUniformityLabel", "topology.kubernetes.io/zone")
        .resolve();
    assertThat(s.driver.labels).containsEntry("team", "data").containsEntry("armadaproject.io/owner", "me")
        .containsEntry("empty", "");
    assertThat(s.driver.nodeSelector).containsEntry("kubernetes.io/hostname", "node-1");
    assertThat(s.gang().orElseThrow().nodeUniformityLabel()).isEqualTo("topology.kubernetes.io/zone");
  }
}
