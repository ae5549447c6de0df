package io.armadaproject.spark.submit.cluster;

import io.armadaproject.spark.submit.SubmitArguments;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helper: a valid cluster-mode submission, adjustable setting by setting. */
final class Submissions {
  final Map<String, String> conf = new LinkedHashMap<>();
  String master = "armada://localhost:50051";
  String mainClass = "org.apache.spark.examples.SparkPi";
  List<String> appArgs = new ArrayList<>(List.of("10"));

  Submissions() {
    conf.put("spark.armada.queue", "q1");
    conf.put("spark.armada.container.image", "armada-spark:3.5");
    conf.put("spark.app.name", "pi");
  }

  Submissions set(String key, String value) {
    conf.put(key, value);
    return this;
  }

  Submissions unset(String key) {
    conf.remove(key);
    return this;
  }

  SubmitArguments args() {
    return new SubmitArguments(master, "cluster", mainClass,
        "local:///opt/spark/examples/jars/spark-examples_2.12-3.5.9.jar", appArgs, conf);
  }

  ResolvedSubmission resolve() {
    return new SubmissionResolver(w -> { }).resolve(args());
  }
}
