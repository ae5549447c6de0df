package org.apache.spark.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Estimates pi by throwing darts at the unit square, one partition per slice: {@code SparkPi
 * [slices] [millis per slice] [idle millis at the end] [fail-first-attempt]}. Each slice draws from its own seeded generator, so a given slice
 * count always gives the same estimate, wherever its tasks run (and however often a task is rerun).
 * The optional pause per slice makes the stage last long enough to disturb it in tests;
 * {@code fail-first-attempt} makes slice 0 fail once, to show that Spark retries tasks.
 */
public final class SparkPi {
  static final long SAMPLES_PER_SLICE = 200_000L;

  private SparkPi() {}

  public static void main(String[] args) {
    int slices = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    long pauseMillis = args.length > 1 ? Long.parseLong(args[1]) : 0;
    long idleMillisAfter = args.length > 2 ? Long.parseLong(args[2]) : 0;
    boolean failFirstAttempt = args.length > 3 && args[3].equals("fail-first-attempt");
    JavaSparkContext jsc = new JavaSparkContext(new SparkConf().setAppName("Spark Pi"));
    try {
      List<Integer> sliceIds = new ArrayList<>();
      for (int i = 0; i < slices; i++) {
        sliceIds.add(i);
      }
      long inside = jsc.parallelize(sliceIds, slices).map(slice -> {
        if (failFirstAttempt && slice == 0 && TaskContext.get().attemptNumber() == 0) {
          throw new IllegalStateException("slice 0 fails its first attempt, as asked");
        }
        Thread.sleep(pauseMillis);
        return insideCount(slice);
      }).reduce(Long::sum);
      double pi = 4.0 * inside / (SAMPLES_PER_SLICE * slices);
      // the driver counts itself among the block managers
      int executors = jsc.sc().statusTracker().getExecutorInfos().length - 1;
      System.out.println("Executors registered: " + executors);
      System.out.println("Pi is roughly " + pi);
      Thread.sleep(idleMillisAfter); // an idle application, e.g. for dynamic allocation to scale down
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      jsc.stop();
    }
  }

  static long insideCount(int slice) {
    SplittableRandom random = new SplittableRandom(1_000_003L * slice + 17);
    long inside = 0;
    for (long i = 0; i < SAMPLES_PER_SLICE; i++) {
      double x = random.nextDouble() * 2 - 1;
      double y = random.nextDouble() * 2 - 1;
      if (x * x + y * y <= 1) {
        inside++;
      }
    }
    return inside;
  }
}
