package io.armadaproject.spark.e2e;

import java.util.List;

/** A finished process: exit code, its output lines with arrival times, how long it ran. */
final class ProcessResult {
  /** One line of output and when it arrived, in ms after the process started. */
  static final class Line {
    final long atMillis;
    final String text;

    Line(long atMillis, String text) {
      this.atMillis = atMillis;
      this.text = text;
    }
  }

  final int exitCode;
  final String output;
  final long millis;
  private final List<Line> lines;

  ProcessResult(int exitCode, List<Line> lines, long millis) {
    this.exitCode = exitCode;
    this.lines = lines;
    this.millis = millis;
    StringBuilder sb = new StringBuilder();
    lines.forEach(l -> sb.append(l.text).append('\n'));
    this.output = sb.toString();
  }

  /** When the first line containing {@code text} arrived, in ms after the process started. */
  long millisAtLine(String text) {
    for (Line l : lines) {
      if (l.text.contains(text)) {
        return l.atMillis;
      }
    }
    throw new AssertionError("no line contains \"" + text + "\" in:\n" + output);
  }

  /** Time from the first line containing {@code text} to the end of the process. */
  long millisAfterLine(String text) {
    for (Line l : lines) {
      if (l.text.contains(text)) {
        return millis - l.atMillis;
      }
    }
    throw new AssertionError("no line contains \"" + text + "\" in:\n" + output);
  }

  @Override
  public String toString() {
    return "exit " + exitCode + " after " + millis + " ms:\n" + output;
  }
}
