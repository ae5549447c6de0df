package io.armadaproject.spark.submit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SparkLineCheckTest {
  @Test
  void samePairPasses() {
    assertThat(SparkLineCheck.mismatch("3.5.9", "2.12", "3.5.3", "2.12.18")).isEmpty();
    assertThat(SparkLineCheck.mismatch("4.1.3", "2.13", "4.1.1", "2.13.16")).isEmpty();
  }

  @Test
  void otherSparkLineIsNamedWithBothVersions() {
    assertThat(SparkLineCheck.mismatch("3.5.9", "2.12", "4.1.3", "2.13.16")).hasValueSatisfying(line -> {
      assertThat(line).contains("armada-spark_2.12-3.5.9.jar").contains("Spark 3.5").contains("Spark 4.1.3")
          .contains("Scala 2.13.16").doesNotContain("\n");
    });
  }

  @Test
  void otherScalaVersionIsAMismatchToo() {
    assertThat(SparkLineCheck.mismatch("3.5.9", "2.12", "3.5.9", "2.13.8"))
        .hasValueSatisfying(line -> assertThat(line).contains("Scala 2.12").contains("Scala 2.13.8"));
  }
}
