package io.armadaproject.spark.localarmada;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Looking at local processes from tests. */
public final class Processes {

  private Processes() {}

  /** True while the process exists and is not a zombie waiting to be reaped by its new parent. */
  public static boolean isAlive(long pid) {
    Path stat = Path.of("/proc", Long.toString(pid), "stat");
    if (!Files.isDirectory(Path.of("/proc", "self"))) {
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
    try {
      String text = Files.readString(stat);
      return text.charAt(text.lastIndexOf(')') + 2) != 'Z';
    } catch (IOException e) {
      return false;
    }
  }

  /** Command lines of live processes that mention {@code text}. */
  public static List<String> mentioning(String text) {
    return ProcessHandle.allProcesses()
        .filter(ProcessHandle::isAlive)
        .map(handle -> handle.pid() + " " + handle.info().commandLine().orElse(""))
        .filter(line -> line.contains(text))
        .toList();
  }

  /** Waits (up to 60 s) until {@code file} lists {@code count} pids, one per line. */
  public static List<Long> awaitPids(Path file, int count) throws IOException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (Files.exists(file)) {
        List<Long> pids = Files.readAllLines(file).stream().filter(line -> !line.isBlank()).map(Long::parseLong).toList();
        if (pids.size() >= count) {
          return pids;
        }
      }
      sleep(50);
    }
    throw new AssertionError("no " + count + " pids in " + file);
  }

  /** Waits (up to {@code seconds}) until no live process mentions {@code text}; returns those still alive. */
  public static List<String> awaitNoneMentioning(String text, int seconds) {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    List<String> alive = mentioning(text);
    while (!alive.isEmpty() && System.nanoTime() < deadline) {
      sleep(100);
      alive = mentioning(text);
    }
    return alive;
  }

  /** Waits (up to {@code seconds}) until none of {@code pids} is alive; returns those still alive. */
  public static List<Long> awaitDead(List<Long> pids, int seconds) {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    List<Long> alive = pids.stream().filter(Processes::isAlive).toList();
    while (!alive.isEmpty() && System.nanoTime() < deadline) {
      sleep(100);
      alive = alive.stream().filter(Processes::isAlive).toList();
    }
    return alive;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
