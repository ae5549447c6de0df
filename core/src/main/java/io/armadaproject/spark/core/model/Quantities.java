package io.armadaproject.spark.core.model;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kubernetes resource quantities as the submission writes and checks them ({@code 500m}, {@code 1.5Gi}, {@code 1e3}). */
public final class Quantities {
  private static final Pattern FORMAT =
      Pattern.compile("([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?");

  private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
      Map.entry("", BigDecimal.ONE), Map.entry("n", new BigDecimal("1e-9")), Map.entry("u", new BigDecimal("1e-6")),
      Map.entry("m", new BigDecimal("1e-3")), Map.entry("k", new BigDecimal("1e3")), Map.entry("M", new BigDecimal("1e6")),
      Map.entry("G", new BigDecimal("1e9")), Map.entry("T", new BigDecimal("1e12")), Map.entry("P", new BigDecimal("1e15")),
      Map.entry("E", new BigDecimal("1e18")), Map.entry("Ki", BigDecimal.valueOf(1L << 10)),
      Map.entry("Mi", BigDecimal.valueOf(1L << 20)), Map.entry("Gi", BigDecimal.valueOf(1L << 30)),
      Map.entry("Ti", BigDecimal.valueOf(1L << 40)), Map.entry("Pi", BigDecimal.valueOf(1L << 50)),
      Map.entry("Ei", BigDecimal.valueOf(1L << 60)));

  private Quantities() {}

  /** The quantity's value in base units (cores, bytes); {@code 500m} is 0.5. */
  public static BigDecimal value(String text) {
    Matcher m = FORMAT.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("\"" + text + "\" is not a Kubernetes quantity");
    }
    BigDecimal number = new BigDecimal(m.group(1));
    String suffix = m.group(2) == null ? "" : m.group(2);
    if (suffix.startsWith("e") || suffix.startsWith("E") && suffix.length() > 1) {
      return number.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1)));
    }
    return number.multiply(SUFFIXES.get(suffix));
  }

  public static boolean isValid(String text) {
    return text != null && FORMAT.matcher(text.trim()).matches();
  }

  /** Bytes written as whole mebibytes, e.g. {@code 1408Mi}. */
  public static String mebibytes(long bytes) {
    long mib = (bytes + (1L << 20) - 1) >> 20;
    return mib + "Mi";
  }
}
