package io.armadaproject.spark.submit;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Spark's own settings that shape the Armada jobs, with Spark's defaults. */
public final class SparkSettings {
  public static final int DEFAULT_DRIVER_PORT = 7078;
  static final long MIN_OVERHEAD_MIB = 384;
  static final double OVERHEAD_FACTOR = 0.10;
  private static final Pattern JVM_MEMORY = Pattern.compile("([0-9]+)([kmgtp]?)b?");

  private final Map<String, String> conf;

  public SparkSettings(Map<String, String> conf) {
    this.conf = conf;
  }

  public String get(String key, String fallback) {
    String v = conf.get(key);
    return v == null || v.trim().isEmpty() ? fallback : v.trim();
  }

  public String appName() {
    return get("spark.app.name", "spark-application");
  }

  public int executorInstances() {
    return intValue("spark.executor.instances", 2);
  }

  public boolean dynamicAllocation() {
    return Boolean.parseBoolean(get("spark.dynamicAllocation.enabled", "false"));
  }

  /**
   * The executors the application starts with, as Spark computes it: spark.executor.instances, or
   * with dynamic allocation the largest of its minimum, its initial number and the instances.
   */
  public int initialExecutors() {
    if (!dynamicAllocation()) {
      return executorInstances();
    }
    int min = intValue("spark.dynamicAllocation.minExecutors", 0);
    int initial = Math.max(min, intValue("spark.dynamicAllocation.initialExecutors", min));
    return conf.containsKey("spark.executor.instances") ? Math.max(initial, executorInstances()) : initial;
  }

  /** spark.executor.maxNumFailures, or Spark's default: twice the executors at most, at least 3. */
  public int maxExecutorFailures() {
    if (conf.containsKey("spark.executor.maxNumFailures")) {
      return intValue("spark.executor.maxNumFailures", 3);
    }
    long executors = dynamicAllocation() ? intValue("spark.dynamicAllocation.maxExecutors", Integer.MAX_VALUE)
        : executorInstances();
    return (int) Math.min(Integer.MAX_VALUE, Math.max(3, 2 * executors));
  }

  public String executorCores() {
    return get("spark.executor.cores", "1");
  }

  public String driverCores() {
    return get("spark.driver.cores", "1");
  }

  public long executorMemoryMiB() {
    return memoryMiB("spark.executor.memory", "1g");
  }

  public long driverMemoryMiB() {
    return memoryMiB("spark.driver.memory", "1g");
  }

  /** Heap plus off-heap overhead, the way Spark sizes a Kubernetes pod. */
  public long executorPodMemoryMiB() {
    return executorMemoryMiB() + overheadMiB("spark.executor.memoryOverhead", executorMemoryMiB());
  }

  public long driverPodMemoryMiB() {
    return driverMemoryMiB() + overheadMiB("spark.driver.memoryOverhead", driverMemoryMiB());
  }

  public int driverPort() {
    return intValue("spark.driver.port", DEFAULT_DRIVER_PORT);
  }

  /** spark.ui.port when the user set it. */
  public java.util.Optional<Integer> uiPort() {
    return conf.containsKey("spark.ui.port") ? java.util.Optional.of(intValue("spark.ui.port", 0)) : java.util.Optional.empty();
  }

  private long overheadMiB(String key, long heapMiB) {
    if (conf.containsKey(key)) {
      return memoryMiB(key, "0m");
    }
    return Math.max(MIN_OVERHEAD_MIB, (long) (heapMiB * OVERHEAD_FACTOR));
  }

  private int intValue(String key, int fallback) {
    String v = get(key, null);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          key + "=\"" + v + "\" is not an integer. Fix: set " + key + " to a whole number", e);
    }
  }

  /** JVM memory strings as Spark reads them: a bare number is MiB, else k/m/g/t/p suffixes. */
  long memoryMiB(String key, String fallback) {
    String v = get(key, fallback);
    Matcher m = JVM_MEMORY.matcher(v.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          key + "=\"" + v + "\" is not a JVM memory size. Fix: use a size such as 512m or 2g");
    }
    long n = Long.parseLong(m.group(1));
    switch (m.group(2)) {
      case "k":
        return Math.max(1, n / 1024);
      case "g":
        return n * 1024;
      case "t":
        return n * 1024 * 1024;
      case "p":
        return n * 1024 * 1024 * 1024;
      default:
        return n;
    }
  }
}
