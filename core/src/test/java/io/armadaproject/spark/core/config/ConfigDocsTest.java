package io.armadaproject.spark.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

class ConfigDocsTest {
  private static final Path DOC = Paths.get("..", "docs", "configuration.md");

  @Test
  void docsConfigurationMdMatchesTheRegistry() throws Exception {
    String expected = ConfigDocs.markdown();
    if (Boolean.getBoolean("config.docs.write")) {
      Files.createDirectories(DOC.getParent());
      Files.writeString(DOC, expected, StandardCharsets.UTF_8);
    }
    assertThat(DOC).as("docs/configuration.md is missing; regenerate it (see the comment in ConfigDocs)").exists();
    assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
        .as("docs/configuration.md is stale: mvn -pl core test -Dtest=ConfigDocsTest -Dconfig.docs.write=true")
        .isEqualTo(expected);
  }

  @Test
  void everyKeyIsDocumentedWithItsAliases() {
    String md = ConfigDocs.markdown();
    for (ConfigKey key : ArmadaConfigKeys.all()) {
      assertThat(md).contains("`" + key.name() + "`");
      key.aliases().forEach(alias -> assertThat(md).contains("`" + alias + "`"));
    }
  }
}
