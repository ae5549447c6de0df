package io.armadaproject.spark.shim;

import org.apache.spark.deploy.SparkSubmitArguments;
import scala.Option;

/** What differs on Spark 3.5: the parsed master is a view over {@code maybeMaster}. */
final class LineShim {
  private LineShim() {}

  static void setMaster(SparkSubmitArguments args, String master) {
    args.maybeMaster_$eq(Option.apply(master));
  }
}
