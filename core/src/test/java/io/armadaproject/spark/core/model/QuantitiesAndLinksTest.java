package io.armadaproject.spark.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuantitiesAndLinksTest {
  @ParameterizedTest
  @ValueSource(strings = {"1", "500m", "0.5", "1.5Gi", "128Mi", "2G", "1e3", ".5"})
  void kubernetesQuantitiesAreValid(String q) {
    assertThat(Quantities.isValid(q)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1gb", "1 Gi", "Gi", "1.5.2", "abc", "1KiB"})
  void otherTextIsNot(String q) {
    assertThat(Quantities.isValid(q)).isFalse();
  }

  @Test
  void mebibytesRoundUp() {
    assertThat(Quantities.mebibytes(1408L << 20)).isEqualTo("1408Mi");
    assertThat(Quantities.mebibytes((1L << 20) + 1)).isEqualTo("2Mi");
  }

  @Test
  void lookoutLinkFiltersOnQueueAndJobSet() {
    assertThat(LookoutUrl.forJobSet("http://lookout:30000/", "q1", "set-1")).isEqualTo(
        "http://lookout:30000/?page=0&sort[id]=jobId&sort[desc]=true&ps=50&active=false&refresh=true"
            + "&f[0][id]=queue&f[0][value][0]=q1&f[0][match]=anyOf"
            + "&f[1][id]=jobSet&f[1][value]=set-1&f[1][match]=startsWith");
  }
}
