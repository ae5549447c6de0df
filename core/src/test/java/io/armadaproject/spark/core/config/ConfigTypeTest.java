package io.armadaproject.spark.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigTypeTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "OK", value = {
    "STRING|''|is empty",
    "STRING|'  '|is empty",
    "STRING|queue-a|OK",
    "HTTP_URL|http://lookout:30000|OK",
    "HTTP_URL|HTTPS://lookout|OK",
    "HTTP_URL|lookout.local:30000|is not an http:// or https:// URL",
    "HTTP_URL|http://|is not an http:// or https:// URL",
    "POSITIVE_DURATION|1s|OK",
    "POSITIVE_DURATION|0s|is zero",
    "POSITIVE_DURATION|-1s|is negative",
    "DURATION|0s|OK",
    "QUANTITY|500m|OK",
    "QUANTITY|-1|is negative",
    "QUANTITY|1GB|is not a Kubernetes quantity"
  })
  void checksValues(String type, String value, String problem) {
    ConfigType t = ConfigType.valueOf(type);
    assertThat(t.check(value)).isEqualTo(problem);
  }
}
