package io.armadaproject.spark.submit;

import io.armadaproject.spark.core.config.ConfigException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the executor and driver sizes on a spark-submit command line before Spark's own argument
 * parser does, so that a bad size is reported with its key, its value and a fix (Spark's parser only
 * says that the number must be positive).
 */
public final class SparkArgumentCheck {
  /** spark-submit options that take a value; every other option is a bare flag. */
  private static final Set<String> WITH_VALUE = new HashSet<>(Arrays.asList(
      "--master", "--deploy-mode", "--class", "--name", "--jars", "--packages", "--exclude-packages",
      "--repositories", "--py-files", "--files", "--archives", "--conf", "-c", "--properties-file",
      "--driver-memory", "--driver-java-options", "--driver-library-path", "--driver-class-path",
      "--executor-memory", "--proxy-user", "--driver-cores", "--total-executor-cores",
      "--executor-cores", "--queue", "--num-executors", "--principal", "--keytab", "--kill", "--status"));

  /** Command-line flags and the Spark setting each one stands for. */
  private static final Map<String, String> FLAG_KEYS = Map.of(
      "--executor-cores", "spark.executor.cores",
      "--driver-cores", "spark.driver.cores",
      "--num-executors", "spark.executor.instances",
      "--executor-memory", "spark.executor.memory",
      "--driver-memory", "spark.driver.memory");

  private SparkArgumentCheck() {}

  /** @throws ConfigException for the first size that is not a positive number */
  public static void check(List<String> args) {
    for (Map.Entry<String, String> e : sizes(args).entrySet()) {
      checkOne(e.getKey(), e.getValue());
    }
  }

  /** The size settings given before the application's jar or script, by Spark key or flag. */
  static Map<String, String> sizes(List<String> args) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("-")) {
        break; // the primary resource: what follows belongs to the application
      }
      String option = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        option = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      } else if (WITH_VALUE.contains(arg) && i + 1 < args.size()) {
        value = args.get(++i);
      }
      if (value == null) {
        continue;
      }
      if (option.equals("--conf") || option.equals("-c")) {
        int kv = value.indexOf('=');
        String key = kv > 0 ? value.substring(0, kv).trim() : value;
        if (FLAG_KEYS.containsValue(key)) {
          out.put(key, kv > 0 ? value.substring(kv + 1) : "");
        }
      } else if (FLAG_KEYS.containsKey(option)) {
        out.put(option, value);
      }
    }
    return out;
  }

  private static void checkOne(String keyOrFlag, String value) {
    String key = FLAG_KEYS.getOrDefault(keyOrFlag, keyOrFlag);
    String shown = keyOrFlag.equals(key) ? key : keyOrFlag + " (" + key + ")";
    if (key.endsWith(".memory")) {
      if (!value.trim().matches("[0-9]+[kKmMgGtTpP]?[bB]?") || value.trim().matches("0+[a-zA-Z]*")) {
        throw new ConfigException(shown, value, "is not a positive JVM memory size",
            "use a size such as 512m, 2g or 4096m");
      }
    } else if (key.equals("spark.executor.instances")) {
      if (!value.trim().matches("[0-9]+") || Long.parseLong(value.trim()) < 1) {
        throw new ConfigException(shown, value, "is not a positive whole number",
            "set it to 1 or more (with dynamic allocation, use spark.dynamicAllocation.minExecutors for 0)");
      }
    } else if (!isPositiveNumber(value)) {
      throw new ConfigException(shown, value, "is not a positive number of cores", "use e.g. 1, 2 or 4");
    }
  }

  private static boolean isPositiveNumber(String value) {
    try {
      return Double.parseDouble(value.trim()) > 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
