package io.armadaproject.spark.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An armada-spark jar of another (Spark, Scala) pair on this pair's Spark: ArmadaSparkSubmit stops
 * at once with one line naming both versions, not a NoSuchMethodError deep in a stack. Needs the
 * local image of another pair built earlier (scripts/test.sh builds the default pair first).
 */
class WrongSparkLineIT {
  @Test
  void jarOfAnotherSparkLineFailsAtStartWithOneLine() throws Exception {
    Path here = Repo.localImage();
    Optional<Path> otherJar = otherPairsJar(here);
    assumeTrue(otherJar.isPresent(), "no other pair's image is built");

    String classpath = Stream.concat(
            sparkJarsWithoutArmada(here).stream(), Stream.of(otherJar.get()))
        .map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
    ProcessBuilder java = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classpath, "org.apache.spark.deploy.ArmadaSparkSubmit",
        "--master", "armada://127.0.0.1:1", "--deploy-mode", "cluster",
        "--class", "org.apache.spark.examples.SparkPi", Repo.examplesJarUri());
    ProcessResult r = SparkSubmitRun.run(java, 120);

    assertThat(r.exitCode).as(r.toString()).isEqualTo(1);
    List<String> errors = r.output.lines().filter(l -> l.startsWith("Error:")).collect(Collectors.toList());
    assertThat(errors).as(r.toString()).singleElement().asString()
        .contains(otherJar.get().getFileName().toString())
        .contains("this is Spark " + Repo.SPARK_VERSION);
    assertThat(r.output).doesNotContain("NoSuchMethodError").doesNotContain("\tat ");
  }

  private static Optional<Path> otherPairsJar(Path here) throws IOException {
    try (Stream<Path> images = Files.list(Repo.imagesDir())) {
      return images.filter(p -> !p.equals(here))
          .flatMap(p -> armadaJars(p).stream())
          .filter(jar -> !jar.getFileName().toString().endsWith("_" + Repo.SCALA_BINARY + "-" + Repo.SPARK_VERSION + ".jar"))
          .findFirst();
    }
  }

  private static List<Path> armadaJars(Path image) {
    try (Stream<Path> jars = Files.list(image.resolve("opt/spark/jars"))) {
      return jars.filter(j -> j.getFileName().toString().startsWith("armada-spark_")).collect(Collectors.toList());
    } catch (IOException e) {
      return List.of();
    }
  }

  private static List<Path> sparkJarsWithoutArmada(Path image) throws IOException {
    try (Stream<Path> jars = Files.list(image.resolve("opt/spark/jars"))) {
      return jars.filter(j -> !j.getFileName().toString().startsWith("armada-spark_")).collect(Collectors.toList());
    }
  }
}
