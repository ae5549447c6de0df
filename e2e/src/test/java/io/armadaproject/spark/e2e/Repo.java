package io.armadaproject.spark.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where the built pieces of this source tree are, for the Spark line under test. */
final class Repo {
  static final Path ROOT = Paths.get(System.getProperty("armada.spark.repo", "..")).toAbsolutePath().normalize();
  static final String SPARK_VERSION = System.getProperty("armada.spark.sparkVersion", "3.5.9");
  static final String SCALA_BINARY = System.getProperty("armada.spark.scalaBinaryVersion", "2.12");

  private Repo() {}

  static Path localArmadaJar() {
    return existing(ROOT.resolve("local-armada/target/local-armada.jar"));
  }

  /** The local image of the (Spark, Scala) pair under test. */
  static Path localImage() {
    return existing(imagesDir().resolve("spark-" + SPARK_VERSION + "-scala-" + SCALA_BINARY));
  }

  /** Where Maven puts the local image of every pair it has built. */
  static Path imagesDir() {
    return ROOT.resolve("image/target/images");
  }

  static Path submitLauncher() {
    return existing(ROOT.resolve("bin/armada-spark-submit"));
  }

  /** The example jar as a path inside the image, the way users name it. */
  static String examplesJarUri() {
    return "local:///opt/spark/examples/jars/spark-examples_" + SCALA_BINARY + "-" + SPARK_VERSION + ".jar";
  }

  private static Path existing(Path p) {
    if (!Files.exists(p)) {
      throw new IllegalStateException(p + " is missing: build the project first (mvn -DskipTests package)");
    }
    return p;
  }
}
