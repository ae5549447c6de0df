package io.armadaproject.spark.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.armadaproject.spark.core.config.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SparkArgumentCheckTest {
  @ParameterizedTest
  @CsvSource({
    "--conf, spark.executor.cores=two, spark.executor.cores=\"two\"",
    "--conf, spark.executor.instances=0, spark.executor.instances=\"0\"",
    "--num-executors, -3, --num-executors (spark.executor.instances)=\"-3\"",
    "--executor-memory, lots, --executor-memory (spark.executor.memory)=\"lots\"",
    "--driver-memory, 0g, --driver-memory (spark.driver.memory)=\"0g\"",
    "-c, spark.driver.cores=0, spark.driver.cores=\"0\""
  })
  void namesTheKeyTheValueAndAFix(String option, String value, String expected) {
    assertThatThrownBy(() -> SparkArgumentCheck.check(List.of("--master", "armada://h:1", option, value, "app.jar")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(expected)
        .hasMessageContaining("Fix:");
  }

  @Test
  void acceptsGoodSizesInBothOptionForms() {
    assertThatCode(() -> SparkArgumentCheck.check(List.of("--executor-cores=2", "--executor-memory", "2g",
        "--conf", "spark.executor.instances=3", "--driver-memory=1024m", "--verbose", "app.jar")))
        .doesNotThrowAnyException();
  }

  @Test
  void ignoresTheApplicationsOwnArguments() {
    assertThat(SparkArgumentCheck.sizes(List.of("--class", "Main", "app.jar", "--executor-cores", "zero"))).isEmpty();
  }

  @Test
  void laterValuesReplaceEarlierOnes() {
    assertThat(SparkArgumentCheck.sizes(List.of("--conf", "spark.executor.cores=x", "--conf", "spark.executor.cores=2", "a.jar")))
        .containsEntry("spark.executor.cores", "2");
  }
}
