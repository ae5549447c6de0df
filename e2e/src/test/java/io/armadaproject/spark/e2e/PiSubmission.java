package io.armadaproject.spark.e2e;

import java.util.ArrayList;
import java.util.List;

/** The spark-submit arguments of the example Pi application in cluster mode, as the tests run it. */
final class PiSubmission {
  private PiSubmission() {}

  /**
   * Pi with two 512m executors in queue {@code e2e}; {@code extraConf} entries are {@code key=value}
   * settings added (or overriding) with {@code --conf}.
   */
  static List<String> args(String master, String jobSet, int slices, String... extraConf) {
    List<String> args = new ArrayList<>(List.of(
        "--master", master, "--deploy-mode", "cluster",
        "--class", "org.apache.spark.examples.SparkPi"));
    List<String> conf = new ArrayList<>(List.of(
        "spark.executor.instances=2",
        "spark.executor.memory=512m",
        "spark.driver.memory=512m",
        "spark.armada.queue=e2e",
        "spark.armada.container.image=armada-spark",
        "spark.armada.jobSetId=" + jobSet));
    conf.addAll(List.of(extraConf));
    for (String kv : conf) {
      args.add("--conf");
      args.add(kv);
    }
    args.add(Repo.examplesJarUri());
    args.add(Integer.toString(slices));
    return args;
  }
}
