package io.armadaproject.spark.submit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.armadaproject.spark.core.config.ConfigException;
import io.armadaproject.spark.core.model.GangSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubmissionResolverTest {

  @Test
  void appliesSparkAndArmadaDefaults() {
    ResolvedSubmission s = new Submissions().resolve();
    assertThat(s.queue()).isEqualTo("q1");
    assertThat(s.appId()).matches("spark-[0-9a-f]{32}");
    assertThat(s.jobSetId()).isEqualTo(s.appId());
    assertThat(s.executorCount()).isEqualTo(2);
    assertThat(s.namespace).isEqualTo("default");
    assertThat(s.driverPort).isEqualTo(7078);
    assertThat(s.gang()).isEmpty();
    // 1g heap + 384Mi minimum overhead
    assertThat(s.executor.resources.memoryRequest).isEqualTo("1408Mi");
    assertThat(s.executor.resources.memoryLimit).isEqualTo("1408Mi");
    assertThat(s.executor.resources.cpuRequest).isEqualTo("1");
    assertThat(s.healthTimeout().getSeconds()).isEqualTo(5);
  }

  @Test
  void armadaKeysOverrideSparkSizing() {
    ResolvedSubmission s = new Submissions()
        .set("spark.executor.memory", "4g")
        .set("spark.armada.executor.request.cores", "1500m")
        .set("spark.armada.driver.limit.memory", "3Gi")
        .resolve();
    assertThat(s.executor.resources.memoryRequest).isEqualTo("4505Mi"); // 4096 + 409 (10 %, rounded down as Spark does)
    assertThat(s.executor.resources.cpuRequest).isEqualTo("1500m");
    assertThat(s.executor.resources.cpuLimit).isEqualTo("1500m");
    assertThat(s.driver.resources.memoryLimit).isEqualTo("3Gi");
  }

  @Test
  void nodeUniformityLabelMakesOneGangOfDriverAndExecutors() {
    ResolvedSubmission s = new Submissions()
        .set("spark.executor.instances", "4")
        .set("spark.armada.scheduling.nodeUniformityLabel", "armada-spark")
        .resolve();
    GangSpec gang = s.gang().orElseThrow();
    assertThat(gang.cardinality()).isEqualTo(5);
    assertThat(gang.nodeUniformityLabel()).isEqualTo("armada-spark");
  }

  @Test
  void existingImplementationsKeyNameWorksToo() {
    ResolvedSubmission s = new Submissions()
        .set("spark.armada.scheduling.nodeUniformity", "zone")
        .resolve();
    assertThat(s.gang().orElseThrow().nodeUniformityLabel()).isEqualTo("zone");
  }

  @Test
  void missingQueueNamesTheKey() {
    assertThatThrownBy(() -> new Submissions().unset("spark.armada.queue").resolve())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("spark.armada.queue")
        .hasMessageContaining("Fix:");
  }

  @Test
  void missingImageNamesTheKey() {
    assertThatThrownBy(() -> new Submissions().unset("spark.armada.container.image").resolve())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("spark.armada.container.image");
  }

  @Test
  void badDurationNamesKeyAndValue() {
    assertThatThrownBy(() -> new Submissions().set("spark.armada.health.checkTimeout", "soon").resolve())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("spark.armada.health.checkTimeout=\"soon\"");
  }

  @Test
  void malformedMasterFailsBeforeAnythingElse() {
    Submissions bad = new Submissions();
    bad.master = "armada://h:notaport";
    assertThatThrownBy(bad::resolve)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("armada://h:notaport")
        .hasMessageContaining("armada://<host>:<port>");
  }

  @Test
  void unknownKeyIsReportedWithTheNearestKnownOne() {
    List<String> warnings = new ArrayList<>();
    new SubmissionResolver(warnings::add).resolve(new Submissions().set("spark.armada.qeue", "x").args());
    assertThat(warnings).singleElement().asString()
        .contains("spark.armada.qeue").contains("did you mean spark.armada.queue");
  }

  @Test
  void zeroExecutorsIsRejectedInClusterMode() {
    assertThatThrownBy(() -> new Submissions().set("spark.executor.instances", "0").resolve())
        .hasMessageContaining("spark.executor.instances");
  }

  @Test
  void aLimitOrRequestGivenAloneSetsBothAsArmadaRequires() {
    ResolvedSubmission s = new Submissions().set("spark.armada.executor.limit.cores", "3")
        .set("spark.armada.driver.request.memory", "2Gi").resolve();
    assertThat(s.executor.resources.cpuRequest).isEqualTo("3");
    assertThat(s.executor.resources.cpuLimit).isEqualTo("3");
    assertThat(s.driver.resources.memoryLimit).isEqualTo("2Gi");
    assertThat(ArmadaRulesCheck.problems(s)).isEmpty();
  }

  @Test
  void differentRequestAndLimitAreCaughtBeforeSubmitting() {
    ResolvedSubmission s = new Submissions().set("spark.armada.driver.request.cores", "1")
        .set("spark.armada.driver.limit.cores", "2").resolve();
    assertThat(ArmadaRulesCheck.problems(s))
        .containsExactly("driver job: container \"driver\" requests 1 cpu but limits it to 2; Armada needs requests equal to limits");
  }
}
