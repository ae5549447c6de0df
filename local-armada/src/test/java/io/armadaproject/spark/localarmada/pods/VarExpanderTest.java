package io.armadaproject.spark.localarmada.pods;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VarExpanderTest {

  private static final Map<String, String> ENV = Map.of("HOST", "127.0.1.1", "PORT", "7078", "EMPTY", "");

  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(delimiter = '|', value = {
      "$(HOST):$(PORT) | 127.0.1.1:7078",
      "--driver-url=spark://$(HOST) | --driver-url=spark://127.0.1.1",
      "$(MISSING) | $(MISSING)",
      "$$(HOST) | $(HOST)",
      "$$$(HOST) | $127.0.1.1",
      "$$ | $",
      "cost $5 | cost $5",
      "$(HOST | $(HOST",
      "$() | $()",
      "trailing $ | trailing $",
      "x$(EMPTY)y | xy",
      "$HOST | $HOST"})
  void expandsLikeKubernetes(String input, String expected) {
    assertThat(VarExpander.expand(input, ENV::get)).isEqualTo(expected);
  }
}
