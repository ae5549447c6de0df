package io.armadaproject.spark.localarmada.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantitiesTest {

  @ParameterizedTest(name = "{0} = {1} millicores")
  @CsvSource({
      "100m, 100", "1, 1000", "1.5, 1500", "0.25, 250", "2000m, 2000", "1e3, 1000000", "1E-3, 1",
      "1k, 1000000", "500u, 1", "+2, 2000", ".5, 500", "0, 0"})
  void cpuInMillicores(String quantity, long millis) {
    assertThat(Quantities.toMillis(quantity)).isEqualTo(millis);
  }

  @ParameterizedTest(name = "{0} = {1} bytes")
  @CsvSource({
      "1Gi, 1073741824", "512Mi, 536870912", "2G, 2000000000", "1Ki, 1024", "1e3, 1000", "128974848, 128974848",
      "129e6, 129000000", "123Mi, 128974848", "1.5Gi, 1610612736", "1Ti, 1099511627776", "1M, 1000000", "1E, 1000000000000000000"})
  void memoryInBytes(String quantity, long bytes) {
    assertThat(Quantities.toBytes(quantity)).isEqualTo(bytes);
  }

  @ParameterizedTest(name = "\"{0}\" is rejected")
  @ValueSource(strings = {"", " ", "abc", "1.2.3", "1Gb", "Gi", "1e", "1 Gi", "--1", "1i", "1KI"})
  void rejectsMalformedQuantities(String quantity) {
    assertThat(Quantities.isValid(quantity)).isFalse();
    assertThatThrownBy(() -> Quantities.parse(quantity)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a valid Kubernetes quantity");
  }

  @Test
  void negativeQuantitiesParseAsNegative() {
    assertThat(Quantities.parse("-1").signum()).isEqualTo(-1);
  }

  @ParameterizedTest(name = "{0} millicores print as {1}")
  @CsvSource({"1000, 1", "1500, 1500m", "32000, 32", "100, 100m"})
  void formatsMillicores(long millis, String text) {
    assertThat(Quantities.formatMillis(millis)).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0} bytes print as {1}")
  @CsvSource({"1073741824, 1Gi", "536870912, 512Mi", "1000, 1000", "0, 0", "68719476736, 64Gi"})
  void formatsBytes(long bytes, String text) {
    assertThat(Quantities.formatBytes(bytes)).isEqualTo(text);
    assertThat(Quantities.toBytes(text)).isEqualTo(bytes);
  }
}
