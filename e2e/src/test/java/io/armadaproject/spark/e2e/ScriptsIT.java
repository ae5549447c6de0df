package io.armadaproject.spark.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The scripts users run to pick a Spark line and to build the real image (Docker not run). */
class ScriptsIT {
  @TempDir Path tmp;

  private Path copyOfScripts() throws Exception {
    Path scripts = Files.createDirectories(tmp.resolve("repo/scripts"));
    for (String name : new String[] {"set-version.sh", "spark-lines.sh"}) {
      Path copy = scripts.resolve(name);
      Files.copy(Repo.ROOT.resolve("scripts").resolve(name), copy);
      copy.toFile().setExecutable(true);
    }
    return scripts;
  }

  @ParameterizedTest(name = "set-version.sh {0}")
  @CsvSource(delimiter = '|', value = {
    "4.1.3 2.12.18 | Unsupported pair",
    "3.4.1 2.12.18 | Unsupported Spark version",
    "3.5.3 2.11.12 | Unsupported Scala version",
    "3.5.3         | usage:",
    "3.5.3 2.13.15 extra | usage:"})
  void setVersionRejectsBadInputAndChangesNothing(String args, String expected) throws Exception {
    Path scripts = copyOfScripts();
    ProcessBuilder pb = new ProcessBuilder("bash", scripts.resolve("set-version.sh").toString());
    pb.command().addAll(java.util.Arrays.asList(args.trim().split("\\s+")));
    ProcessResult r = SparkSubmitRun.run(pb, 60);
    assertThat(r.exitCode).isEqualTo(1);
    assertThat(r.output).contains(expected).contains("Supported (Spark line, Scala) pairs");
    assertThat(tmp.resolve("repo/.mvn")).doesNotExist();
  }

  @Test
  void setVersionSelectsThePairForTheNextBuild() throws Exception {
    Path scripts = copyOfScripts();
    ProcessResult r = SparkSubmitRun.run(
        new ProcessBuilder("bash", scripts.resolve("set-version.sh").toString(), "3.5.3", "2.13.15"), 60);
    assertThat(r.exitCode).as(r.toString()).isZero();
    assertThat(Files.readString(tmp.resolve("repo/.mvn/maven.config")).trim()).isEqualTo(
        "-Dspark.line=3.5 -Dspark.version=3.5.3 -Dscala.version=2.13.15 -Dscala.binary.version=2.13");
    assertThat(r.output).contains("armada-spark_2.13-3.5.3.jar");
  }

  @Test
  void createImagePreparesTheDockerBuildOfThisPair() throws Exception {
    ProcessResult r = SparkSubmitRun.run(new ProcessBuilder("bash",
        Repo.ROOT.resolve("scripts/createImage.sh").toString(), "-n", "-i", "armada-spark:test",
        "-m", "armada://localhost:30002", "-q", "default", "-l", "http://localhost:30000",
        "-s", Repo.SPARK_VERSION, "-c", Repo.SCALA_BINARY), 120);
    Path context = Repo.ROOT.resolve("image/target/docker-context/spark-" + Repo.SPARK_VERSION + "-scala-" + Repo.SCALA_BINARY);
    assertThat(r.exitCode).as(r.toString()).isZero();
    assertThat(r.output.trim()).isEqualTo("docker build -t armada-spark:test " + context);
    assertThat(Files.readString(context.resolve("spark-defaults.conf")))
        .contains("spark.master armada://localhost:30002")
        .contains("spark.armada.queue default")
        .contains("spark.armada.lookouturl http://localhost:30000")
        .contains("spark.armada.container.image armada-spark:test");
    String dockerfile = Files.readString(context.resolve("Dockerfile"));
    assertThat(dockerfile).doesNotContain("@").contains("ARG SPARK_VERSION=" + Repo.SPARK_VERSION)
        .contains("apache/spark:${SPARK_VERSION}-scala${SCALA_BINARY_VERSION}-java");
    assertThat(context.resolve("armada-spark_" + Repo.SCALA_BINARY + "-" + Repo.SPARK_VERSION + ".jar")).exists();
    assertThat(context.resolve("armada-entrypoint.sh")).exists();
  }

  @Test
  void createImageRejectsAMalformedMaster() throws Exception {
    ProcessResult r = SparkSubmitRun.run(new ProcessBuilder("bash",
        Repo.ROOT.resolve("scripts/createImage.sh").toString(), "-n", "-m", "armada://nohost",
        "-s", Repo.SPARK_VERSION, "-c", Repo.SCALA_BINARY), 60);
    assertThat(r.exitCode).isEqualTo(1);
    assertThat(r.output).contains("armada://nohost").contains("armada://<host>:<port>");
  }
}
