package io.armadaproject.spark.submit;

import java.util.Optional;

/**
 * An armada-spark jar serves one (Spark line, Scala version) pair. This compares the pair a jar was
 * built for with the Spark it runs on, so that a wrong jar fails at start with one clear line
 * instead of a {@code NoSuchMethodError} deep in a stack.
 */
public final class SparkLineCheck {
  private SparkLineCheck() {}

  /** The problem in one line, or empty when the jar fits the running Spark. */
  public static Optional<String> mismatch(
      String builtSpark, String builtScalaBinary, String runtimeSpark, String runtimeScala) {
    String runtimeScalaBinary = majorMinor(runtimeScala);
    if (majorMinor(builtSpark).equals(majorMinor(runtimeSpark)) && builtScalaBinary.equals(runtimeScalaBinary)) {
      return Optional.empty();
    }
    return Optional.of(
        "armada-spark_" + builtScalaBinary + "-" + builtSpark + ".jar is built for Spark " + majorMinor(builtSpark)
            + " with Scala " + builtScalaBinary + ", but this is Spark " + runtimeSpark + " with Scala "
            + runtimeScala + ": use the armada-spark jar built for Spark " + majorMinor(runtimeSpark)
            + " and Scala " + runtimeScalaBinary + " (armada-spark_" + runtimeScalaBinary + "-"
            + majorMinor(runtimeSpark) + ".x.jar)");
  }

  /** "3.5.9" becomes "3.5"; "4.1.0-SNAPSHOT" becomes "4.1". */
  static String majorMinor(String version) {
    String[] parts = version.split("[.-]");
    return parts.length < 2 ? version : parts[0] + "." + parts[1];
  }
}
