package io.armadaproject.spark.shim;

import org.apache.spark.deploy.SparkSubmitArguments;

/** What differs on Spark 3.3: the parsed master is a plain field. */
final class LineShim {
  private LineShim() {}

  static void setMaster(SparkSubmitArguments args, String master) {
    args.master_$eq(master);
  }
}
