package io.armadaproject.spark.core.config;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Spark-style time strings: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}. */
public final class Durations {
  private static final Pattern FORMAT = Pattern.compile("(-?[0-9]+)([a-z]+)?");

  private Durations() {}

  /** Parses a time string; a bare number is read in {@code bareUnit}. */
  public static Duration parse(String text, TimeUnit bareUnit) {
    if (text == null) {
      throw new IllegalArgumentException("is empty");
    }
    Matcher m = FORMAT.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("is not a duration (use e.g. 30s, 500ms, 5m)");
    }
    long amount = Long.parseLong(m.group(1));
    if (amount < 0) {
      throw new IllegalArgumentException("is negative");
    }
    String suffix = m.group(2);
    TimeUnit unit = suffix == null ? bareUnit : unitOf(suffix);
    return Duration.ofNanos(unit.toNanos(amount));
  }

  private static TimeUnit unitOf(String suffix) {
    switch (suffix) {
      case "us":
        return TimeUnit.MICROSECONDS;
      case "ms":
        return TimeUnit.MILLISECONDS;
      case "s":
        return TimeUnit.SECONDS;
      case "m":
      case "min":
        return TimeUnit.MINUTES;
      case "h":
        return TimeUnit.HOURS;
      case "d":
        return TimeUnit.DAYS;
      default:
        throw new IllegalArgumentException(
            "has an unknown time unit '" + suffix + "' (use ms, s, m, h or d)");
    }
  }
}
