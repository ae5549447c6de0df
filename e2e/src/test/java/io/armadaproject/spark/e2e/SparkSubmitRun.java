package io.armadaproject.spark.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs bin/armada-spark-submit as its own process, the way a user does. */
final class SparkSubmitRun {
  private SparkSubmitRun() {}

  static ProcessResult run(long timeoutSeconds, List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Repo.submitLauncher().toString());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("ARMADA_SPARK_IMAGE_DIR", Repo.localImage().toString());
    return run(builder, timeoutSeconds);
  }

  /** Runs any command, collecting its output lines with their arrival times. */
  static ProcessResult run(ProcessBuilder builder, long timeoutSeconds) throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process p = builder.redirectErrorStream(true).start();
    List<ProcessResult.Line> lines = Collections.synchronizedList(new ArrayList<>());
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          lines.add(new ProcessResult.Line((System.nanoTime() - start) / 1_000_000, line));
        }
      } catch (IOException e) {
        lines.add(new ProcessResult.Line(0, "(output lost: " + e + ")"));
      }
    });
    reader.start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly().waitFor();
      reader.join(5_000);
      throw new AssertionError(builder.command().get(0) + " did not end within " + timeoutSeconds + " s:\n"
          + new ProcessResult(-1, new ArrayList<>(lines), 0).output);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    reader.join(10_000);
    return new ProcessResult(p.exitValue(), new ArrayList<>(lines), millis);
  }
}
