package io.armadaproject.spark.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArmadaConfTest {
  @Test
  void aliasesResolveToTheSameKey() {
    ArmadaConf conf = ArmadaConf.from(Map.of("spark.armada.scheduling.nodeUniformity", "zone"));
    assertThat(conf.get(ArmadaConfigKeys.NODE_UNIFORMITY_LABEL)).contains("zone");
  }

  @Test
  void conflictingAliasesAreRejected() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("spark.armada.scheduling.nodeUniformityLabel", "a");
    m.put("spark.armada.scheduling.nodeUniformity", "b");
    assertThatThrownBy(() -> ArmadaConf.from(m)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("spark.armada.scheduling.nodeUniformity");
  }

  @Test
  void defaultsApplyAndBadValuesNameKeyValueAndFix() {
    assertThat(ArmadaConf.from(Map.of()).get(ArmadaConfigKeys.NAMESPACE)).contains("default");
    assertThatThrownBy(() -> ArmadaConf.from(Map.of("spark.armada.scheduling.priority", "high")))
        .hasMessage("spark.armada.scheduling.priority=\"high\" is not a number. Fix: set spark.armada.scheduling.priority to a number");
  }

  @Test
  void secretValuesAreNotEchoedInErrors() {
    assertThat(ArmadaConf.isSecretKey("spark.armada.auth.token")).isTrue();
    assertThat(ArmadaConf.isSecretKey("spark.armada.queue")).isFalse();
  }

  @Test
  void unknownKeysWarnWithTheNearestKnownKey() {
    ArmadaConf conf = ArmadaConf.from(Map.of("spark.armada.contianer.image", "x", "spark.executor.memory", "1g"));
    assertThat(conf.warnings()).singleElement().asString()
        .contains("spark.armada.contianer.image").contains("spark.armada.container.image");
  }
}
