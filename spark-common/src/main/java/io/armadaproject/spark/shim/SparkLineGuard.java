package io.armadaproject.spark.shim;

import io.armadaproject.spark.submit.SparkLineCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/** Stops at once when this jar runs on a Spark line or Scala version it was not built for. */
public final class SparkLineGuard {
  private SparkLineGuard() {}

  /** The mismatch in one line, or empty. Calls only APIs present on every Spark line. */
  public static Optional<String> problem() {
    Properties built = new Properties();
    try (InputStream in = SparkLineGuard.class.getResourceAsStream("/armada-spark-build.properties")) {
      if (in == null) {
        return Optional.empty();
      }
      built.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return SparkLineCheck.mismatch(
        built.getProperty("spark.version"),
        built.getProperty("scala.binary.version"),
        org.apache.spark.package$.MODULE$.SPARK_VERSION(),
        scala.util.Properties$.MODULE$.versionNumberString());
  }

  /** For entry points: prints the one line and exits 1 on a mismatch. */
  public static void exitOnMismatch() {
    problem().ifPresent(line -> {
      System.err.println("Error: " + line);
      System.exit(1);
    });
  }

  /** For code Spark calls (the cluster manager): fails with the one line on a mismatch. */
  public static void failOnMismatch() {
    problem().ifPresent(line -> {
      throw new IllegalStateException(line);
    });
  }
}
