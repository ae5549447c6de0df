package io.armadaproject.spark.localarmada.pods;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One running container: the process (leader of its own group) started from a {@link ContainerPlan}. */
final class ContainerProcess {

  private final ContainerPlan plan;
  private final Process process;
  private final ProcessLauncher launcher;
  private final CompletableFuture<Void> ended;

  private ContainerProcess(ContainerPlan plan, Process process, ProcessLauncher launcher) {
    this.plan = plan;
    this.process = process;
    this.launcher = launcher;
    this.ended = process.onExit().thenRunAsync(() -> launcher.signalGroup(process.pid(), "KILL"), launcher.exitWork());
  }

  /** Starts the container; once it exits, whatever it left in its process group is killed. */
  static ContainerProcess start(ProcessLauncher launcher, ContainerPlan plan) throws IOException {
    return new ContainerProcess(plan, launcher.start(plan), launcher);
  }

  ContainerPlan plan() {
    return plan;
  }

  String name() {
    return plan.name();
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Completes once the container exited and the rest of its process group was killed. */
  CompletableFuture<Void> ended() {
    return ended;
  }

  int exitCode() {
    return process.exitValue();
  }

  /** SIGTERM to the container's process tree and its process group. */
  void terminate() {
    signalTree(false);
    launcher.signalGroup(process.pid(), "TERM");
  }

  /** SIGKILL to the container's process tree and its process group. */
  void kill() {
    signalTree(true);
    launcher.signalGroup(process.pid(), "KILL");
  }

  private void signalTree(boolean force) {
    List<ProcessHandle> tree = new ArrayList<>();
    process.toHandle().descendants().forEach(tree::add);
    tree.add(process.toHandle());
    for (ProcessHandle handle : tree) {
      if (force) {
        handle.destroyForcibly();
      } else {
        handle.destroy();
      }
    }
  }
}
