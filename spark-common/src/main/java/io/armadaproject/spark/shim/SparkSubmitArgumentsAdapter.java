package io.armadaproject.spark.shim;

import io.armadaproject.spark.submit.SubmitArguments;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.deploy.SparkSubmitArguments;
import scala.collection.JavaConverters;

/** Spark's parsed spark-submit arguments, in the plain form the shared code works with. */
public final class SparkSubmitArgumentsAdapter {
  private SparkSubmitArgumentsAdapter() {}

  public static boolean isArmada(String master) {
    return master != null && master.startsWith("armada");
  }

  /** How the master is set differs between Spark lines: see each shim's {@link LineShim}. */
  public static void setMaster(SparkSubmitArguments args, String master) {
    LineShim.setMaster(args, master);
  }

  @SuppressWarnings("deprecation")
  public static SubmitArguments toSubmitArguments(SparkSubmitArguments a) {
    Map<String, String> conf = new LinkedHashMap<>(JavaConverters.mapAsJavaMap(a.sparkProperties()));
    put(conf, "spark.app.name", a.name());
    put(conf, "spark.executor.instances", a.numExecutors());
    put(conf, "spark.executor.memory", a.executorMemory());
    put(conf, "spark.executor.cores", a.executorCores());
    put(conf, "spark.driver.memory", a.driverMemory());
    put(conf, "spark.driver.cores", a.driverCores());
    put(conf, "spark.driver.extraJavaOptions", a.driverExtraJavaOptions());
    put(conf, "spark.driver.extraClassPath", a.driverExtraClassPath());
    put(conf, "spark.driver.extraLibraryPath", a.driverExtraLibraryPath());
    put(conf, "spark.jars", a.jars());
    put(conf, "spark.files", a.files());
    put(conf, "spark.archives", a.archives());
    put(conf, "spark.submit.pyFiles", a.pyFiles());
    put(conf, "spark.jars.packages", a.packages());
    put(conf, "spark.jars.excludes", a.packagesExclusions());
    List<String> appArgs = JavaConverters.seqAsJavaList(a.childArgs());
    return new SubmitArguments(a.master(), a.deployMode(), a.mainClass(), a.primaryResource(), appArgs, conf);
  }

  private static void put(Map<String, String> conf, String key, String value) {
    if (value != null) {
      conf.put(key, value);
    }
  }
}
