package io.armadaproject.spark.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.armadaproject.spark.core.events.JobEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.data.Offset;

/** Helpers for end-to-end tests that run Pi on local-armada and look at its job set. */
final class PiRuns {
  private static final Pattern PI = Pattern.compile("Pi is roughly ([0-9.]+)");
  private static final Pattern DRIVER_JOB = Pattern.compile("Driver job ID: (\\S+)");

  private PiRuns() {}

  /** Runs ArmadaSparkSubmit in the background. */
  static CompletableFuture<ProcessResult> submitAsync(List<String> args) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return SparkSubmitRun.run(600, args);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  /** A Pi run in the background, and the Armada job of its executor 1. */
  record SlowPi(CompletableFuture<ProcessResult> submit, String executor1Job) {}

  /**
   * Starts Pi in the background with one-second tasks (two one-core executors take slices / 2
   * seconds) and returns once both executors run.
   */
  static SlowPi startSlowPi(LocalArmadaProcess armada, String jobSet, int slices, String... conf)
      throws InterruptedException {
    List<String> args = new ArrayList<>(PiSubmission.args(armada.master(), jobSet, slices, conf));
    args.add("1000");
    CompletableFuture<ProcessResult> submit = submitAsync(args);
    return new SlowPi(submit, awaitRunningExecutors(armada, jobSet));
  }

  static String awaitRunningExecutors(LocalArmadaProcess armada, String jobSet) throws InterruptedException {
    for (int i = 0; i < 1200; i++) {
      JobSetView view = JobSetView.of(armada.jobSetEvents("e2e", jobSet));
      List<JobSetView.Job> running = new ArrayList<>();
      view.withRole("executor").forEach(j -> {
        if (j.state() == JobEvent.Kind.RUNNING) {
          running.add(j);
        }
      });
      if (running.size() == 2) {
        return executorJob(view, "1");
      }
      Thread.sleep(100);
    }
    throw new AssertionError("two executors were not running within 120 s");
  }

  static String executorJob(JobSetView view, String executorId) {
    return view.withRole("executor").stream().filter(j -> executorId.equals(j.labels.get("spark-exec-id")))
        .findFirst().orElseThrow().id;
  }

  static JobSetView awaitTerminal(LocalArmadaProcess armada, String jobSet) throws InterruptedException {
    JobSetView view = JobSetView.of(armada.jobSetEvents("e2e", jobSet));
    for (int i = 0; i < 600 && !view.jobs.values().stream().allMatch(j -> j.state().isTerminal()); i++) {
      Thread.sleep(100);
      view = JobSetView.of(armada.jobSetEvents("e2e", jobSet));
    }
    JobSetView finalView = view;
    assertThat(view.jobs.values()).as(view.jobs.toString()).allSatisfy(j -> assertThat(j.state().isTerminal())
        .as(j + " in " + finalView.jobs).isTrue());
    return view;
  }

  static String driverLog(LocalArmadaProcess armada, ProcessResult submit) throws Exception {
    Matcher m = DRIVER_JOB.matcher(submit.output);
    assertThat(m.find()).as(submit.output).isTrue();
    return armada.containerLog(m.group(1), "driver");
  }

  static void assertPi(String driverLog) {
    Matcher pi = PI.matcher(driverLog);
    assertThat(pi.find()).as(driverLog).isTrue();
    assertThat(Double.parseDouble(pi.group(1))).isCloseTo(Math.PI, Offset.offset(0.01));
  }

  static List<String> withoutConf(List<String> args, String conf) {
    List<String> out = new ArrayList<>(args);
    int i = out.indexOf(conf);
    out.remove(i);
    out.remove(i - 1);
    return out;
  }
}
