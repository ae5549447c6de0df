package org.apache.spark.deploy;

import io.armadaproject.spark.core.client.ArmadaClient;
import io.armadaproject.spark.core.config.ConfigException;
import io.armadaproject.spark.shim.SparkLineGuard;
import io.armadaproject.spark.shim.SparkSubmitArgumentsAdapter;
import io.armadaproject.spark.submit.SparkArgumentCheck;
import io.armadaproject.spark.submit.cluster.ClusterModeSubmitter;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkContext$;
import org.apache.spark.SparkUserAppException;
import scala.Option;
import scala.Tuple4;

/**
 * {@code spark-submit} for {@code armada://} masters. Cluster mode submits the application to
 * Armada; client mode (which is how the driver runs inside its Armada job) runs the user's main
 * class with Spark's own submit logic, prepared as for a local master, with the Armada master put
 * back so that SparkContext finds the Armada cluster manager.
 */
public class ArmadaSparkSubmit extends SparkSubmit {

  public static void main(String[] args) {
    SparkLineGuard.exitOnMismatch();
    try {
      SparkArgumentCheck.check(Arrays.asList(args));
    } catch (ConfigException e) {
      System.err.println("Error: " + e.getMessage());
      System.exit(1);
    }
    ArmadaSparkSubmit submit = new ArmadaSparkSubmit();
    SparkSubmitArguments parsed = submit.parseArguments(args);
    if (SparkSubmitArgumentsAdapter.isArmada(parsed.master()) && "cluster".equals(parsed.deployMode())) {
      ClusterModeSubmitter cluster =
          new ClusterModeSubmitter(System.err, ArmadaClient::connect);
      System.exit(cluster.run(SparkSubmitArgumentsAdapter.toSubmitArguments(parsed)));
    }
    int exitCode = 0;
    try {
      submit.doSubmit(args);
    } catch (Throwable t) {
      if (t instanceof SparkUserAppException) {
        exitCode = ((SparkUserAppException) t).exitCode();
      } else {
        t.printStackTrace();
        exitCode = 1;
      }
    } finally {
      stopActiveContext();
    }
    System.exit(exitCode);
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public Tuple4 prepareSubmitEnvironment(SparkSubmitArguments args, Option<Configuration> conf) {
    String master = args.master();
    if (!SparkSubmitArgumentsAdapter.isArmada(master)) {
      return super.prepareSubmitEnvironment(args, conf);
    }
    SparkSubmitArgumentsAdapter.setMaster(args, "local[*]");
    try {
      Tuple4 prepared = super.prepareSubmitEnvironment(args, conf);
      ((SparkConf) prepared._3()).set("spark.master", master);
      return prepared;
    } finally {
      SparkSubmitArgumentsAdapter.setMaster(args, master);
    }
  }

  /** Like Spark does for Kubernetes: an application that forgot to stop its context still ends. */
  private static void stopActiveContext() {
    Option<SparkContext> active = SparkContext$.MODULE$.getActive();
    if (active.isDefined()) {
      active.get().stop();
    }
  }
}
