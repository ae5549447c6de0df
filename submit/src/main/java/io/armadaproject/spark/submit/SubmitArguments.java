package io.armadaproject.spark.submit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the user asked spark-submit for, in plain Java: the shims fill it from Spark's parsed
 * arguments so that the logic after this point is the same on every Spark line.
 */
public final class SubmitArguments {
  private final String master;
  private final String deployMode;
  private final String mainClass;
  private final String primaryResource;
  private final List<String> appArgs;
  private final Map<String, String> sparkConf;

  /**
   * @param sparkConf every Spark setting in effect: spark-defaults.conf, {@code --conf} values and
   *     the settings that spark-submit's own flags stand for ({@code --num-executors} is {@code
   *     spark.executor.instances}, {@code --name} is {@code spark.app.name}, ...)
   */
  public SubmitArguments(
      String master,
      String deployMode,
      String mainClass,
      String primaryResource,
      List<String> appArgs,
      Map<String, String> sparkConf) {
    this.master = Objects.requireNonNull(master, "master");
    this.deployMode = deployMode == null ? "client" : deployMode;
    this.mainClass = mainClass;
    this.primaryResource = primaryResource;
    this.appArgs = List.copyOf(appArgs);
    this.sparkConf = Collections.unmodifiableMap(new LinkedHashMap<>(sparkConf));
  }

  public String master() {
    return master;
  }

  public String deployMode() {
    return deployMode;
  }

  /** The user's main class, or null for Python and R applications. */
  public String mainClass() {
    return mainClass;
  }

  public String primaryResource() {
    return primaryResource;
  }

  public List<String> appArgs() {
    return appArgs;
  }

  public Map<String, String> sparkConf() {
    return sparkConf;
  }

  public boolean isPython() {
    return primaryResource != null && primaryResource.endsWith(".py");
  }
}
