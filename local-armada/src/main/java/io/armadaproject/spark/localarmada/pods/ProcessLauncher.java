package io.armadaproject.spark.localarmada.pods;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Starts container processes, each as the leader of its own process group, through a small bash wrapper that
 * forks a detached watchdog and then {@code exec}s the container command (so the container keeps the wrapper's
 * pid and exit code). The watchdog polls every second; when local-armada's pid disappears (even after a
 * SIGKILL) it kills the container's whole process group, and when the container itself has ended it kills
 * whatever the container left behind in its group.
 */
public final class ProcessLauncher {

  private static final String WRAPPER = String.join("\n",
      "parent=\"$1\"; sleep_bin=\"$2\"; shift 2",
      "( ( trap '' TERM INT HUP",
      "    while kill -0 \"$parent\" 2>/dev/null && kill -0 \"$$\" 2>/dev/null; do \"$sleep_bin\" 1; done",
      "    kill -KILL -- \"-$$\" 2>/dev/null ) & ) </dev/null >/dev/null 2>&1",
      "exec \"$@\"");

  private final List<String> prefix;
  private final String bash;
  private final ExecutorService exitWork = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "container-exit");
    thread.setDaemon(true);
    return thread;
  });

  private ProcessLauncher(List<String> prefix, String bash) {
    this.prefix = List.copyOf(prefix);
    this.bash = bash;
  }

  /** Finds bash, sleep and a way to start a new process group ({@code setsid}, else perl's setpgrp). */
  public static ProcessLauncher detect(String hostPath) {
    String bash = find("bash", hostPath).orElseThrow(() -> new IllegalStateException("local-armada needs bash on PATH"));
    String sleep = find("sleep", hostPath).orElseThrow(() -> new IllegalStateException("local-armada needs sleep on PATH"));
    List<String> prefix = new ArrayList<>();
    Optional<String> setsid = find("setsid", hostPath);
    if (setsid.isPresent()) {
      prefix.add(setsid.get());
    } else {
      String perl = find("perl", hostPath).orElseThrow(() ->
          new IllegalStateException("local-armada needs setsid or perl on PATH to give containers their own process group"));
      prefix.addAll(List.of(perl, "-e", "setpgrp(0, 0); exec { $ARGV[0] } @ARGV or die \"exec: $!\\n\";"));
    }
    prefix.addAll(List.of(bash, "-c", WRAPPER, "local-armada-container", Long.toString(ProcessHandle.current().pid()), sleep));
    return new ProcessLauncher(prefix, bash);
  }

  public Process start(ContainerPlan plan) throws IOException {
    List<String> command = new ArrayList<>(prefix);
    command.addAll(plan.command());
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(plan.workingDir().toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(plan.logFile().toFile()));
    builder.environment().clear();
    builder.environment().putAll(plan.env());
    return builder.start();
  }

  /** Sends {@code signal} (e.g. TERM, KILL) to every process of the group led by {@code pgid}. */
  public void signalGroup(long pgid, String signal) {
    try {
      new ProcessBuilder(bash, "-c", "kill -" + signal + " -- -" + pgid + " 2>/dev/null; exit 0")
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor();
    } catch (IOException e) {
      // bash could not start; the process tree signals still apply
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Where work that follows a container's exit runs (not the common pool: it blocks briefly). */
  Executor exitWork() {
    return exitWork;
  }

  private static Optional<String> find(String program, String path) {
    for (String dir : (path == null ? "/usr/bin:/bin" : path).split(":")) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
        return Optional.of(candidate.toString());
      }
    }
    return Optional.empty();
  }
}
