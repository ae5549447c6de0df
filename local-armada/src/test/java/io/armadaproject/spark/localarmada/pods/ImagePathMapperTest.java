package io.armadaproject.spark.localarmada.pods;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImagePathMapperTest {

  private final ImagePathMapper mapper = new ImagePathMapper(Path.of("/img"), List.of("opt", "app"));

  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(delimiter = '|', value = {
      "/opt/spark/bin/spark-submit | /img/opt/spark/bin/spark-submit",
      "local:///opt/spark/examples/jars/x.jar | local:///img/opt/spark/examples/jars/x.jar",
      "/opt | /img/opt",
      "/opt/ | /img/opt/",
      "/opt/a:/opt/b | /img/opt/a:/img/opt/b",
      "--jars=/opt/x.jar,/app/y.jar | --jars=/img/opt/x.jar,/img/app/y.jar",
      "-Dpath=/opt/spark | -Dpath=/img/opt/spark",
      "/usr/opt/x | /usr/opt/x",
      "/optional/x | /optional/x",
      "my.opt/x | my.opt/x",
      "x-/opt/y | x-/opt/y",
      "/tmp/opt/y | /tmp/opt/y",
      "/var/lib | /var/lib",
      "plain text | plain text"})
  void mapsImagePathsOnly(String input, String expected) {
    assertThat(mapper.map(input)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{0}] mapped once")
  @CsvSource({"/opt/spark", "local:///opt/x.jar"})
  void mappingTwiceChangesNothingMore(String input) {
    assertThat(mapper.map(mapper.map(input))).isEqualTo(mapper.map(input));
  }

  @ParameterizedTest(name = "identity keeps [{0}]")
  @CsvSource({"/opt/spark", "/app"})
  void identityMapperChangesNothing(String input) {
    assertThat(ImagePathMapper.identity().map(input)).isEqualTo(input);
  }

  @ParameterizedTest(name = "directory with special characters: {0}")
  @CsvSource({"/tmp/a$b", "/tmp/a\\b"})
  void replacementIsLiteral(String directory) {
    ImagePathMapper special = new ImagePathMapper(Path.of(directory), List.of("opt"));
    assertThat(special.map("/opt/x")).isEqualTo(directory + "/opt/x");
  }
}
