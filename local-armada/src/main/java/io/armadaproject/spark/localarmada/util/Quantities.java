package io.armadaproject.spark.localarmada.util;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses Kubernetes resource quantities ({@code 100m}, {@code 1.5}, {@code 512Mi}, {@code 2G}, {@code 1e3}).
 * Values are returned in base units: cores for cpu, bytes for memory.
 */
public final class Quantities {

  private static final Pattern GRAMMAR = Pattern.compile(
      "([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|[eE]([+-]?[0-9]+))?");
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

  private Quantities() {}

  /** The quantity's value in base units; throws {@link IllegalArgumentException} on malformed text. */
  public static BigDecimal parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("quantity is missing");
    }
    Matcher m = GRAMMAR.matcher(text.trim());
    if (text.isBlank() || !m.matches()) {
      throw new IllegalArgumentException("\"" + text + "\" is not a valid Kubernetes quantity");
    }
    BigDecimal number = new BigDecimal(m.group(1));
    if (m.group(3) != null) {
      return number.scaleByPowerOfTen(Integer.parseInt(m.group(3)));
    }
    String suffix = m.group(2);
    return suffix == null ? number : number.multiply(multiplier(suffix));
  }

  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Cpu quantity in millicores, rounded up (Kubernetes rounds sub-milli values up). */
  public static long toMillis(String text) {
    return parse(text).multiply(THOUSAND).setScale(0, RoundingMode.CEILING).longValueExact();
  }

  /** Memory or storage quantity in bytes, rounded up. */
  public static long toBytes(String text) {
    return parse(text).setScale(0, RoundingMode.CEILING).longValueExact();
  }

  /** Millicores as a compact quantity: whole cores without suffix, else {@code <n>m}. */
  public static String formatMillis(long millis) {
    return millis % 1000 == 0 ? Long.toString(millis / 1000) : millis + "m";
  }

  /** Bytes as a compact quantity using the largest exact binary suffix. */
  public static String formatBytes(long bytes) {
    String[] suffixes = {"Ei", "Pi", "Ti", "Gi", "Mi", "Ki"};
    for (int i = 0; i < suffixes.length; i++) {
      long unit = 1L << (10 * (suffixes.length - i));
      if (bytes != 0 && bytes % unit == 0) {
        return bytes / unit + suffixes[i];
      }
    }
    return Long.toString(bytes);
  }

  private static BigDecimal multiplier(String suffix) {
    switch (suffix) {
      case "n": return BigDecimal.ONE.scaleByPowerOfTen(-9);
      case "u": return BigDecimal.ONE.scaleByPowerOfTen(-6);
      case "m": return BigDecimal.ONE.scaleByPowerOfTen(-3);
      case "k": return BigDecimal.ONE.scaleByPowerOfTen(3);
      case "M": return BigDecimal.ONE.scaleByPowerOfTen(6);
      case "G": return BigDecimal.ONE.scaleByPowerOfTen(9);
      case "T": return BigDecimal.ONE.scaleByPowerOfTen(12);
      case "P": return BigDecimal.ONE.scaleByPowerOfTen(15);
      case "E": return BigDecimal.ONE.scaleByPowerOfTen(18);
      case "Ki": return BigDecimal.valueOf(1L << 10);
      case "Mi": return BigDecimal.valueOf(1L << 20);
      case "Gi": return BigDecimal.valueOf(1L << 30);
      case "Ti": return BigDecimal.valueOf(1L << 40);
      case "Pi": return BigDecimal.valueOf(1L << 50);
      case "Ei": return BigDecimal.valueOf(1L << 60);
      default: throw new IllegalArgumentException("unknown quantity suffix " + suffix);
    }
  }
}
