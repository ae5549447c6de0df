package io.armadaproject.spark.core.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kubernetes resource quantities ({@code 500m}, {@code 2}, {@code 1.5Gi}, {@code 1e3}). */
public final class Quantities {
  private static final Pattern FORMAT =
      Pattern.compile("([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?");

  private Quantities() {}

  public static boolean isValid(String text) {
    return text != null && FORMAT.matcher(text.trim()).matches();
  }

  /** The quantity's value in base units (cores for cpu, bytes for memory). */
  public static BigDecimal parse(String text) {
    Matcher m = text == null ? null : FORMAT.matcher(text.trim());
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException("\"" + text + "\" is not a Kubernetes quantity");
    }
    BigDecimal number = new BigDecimal(m.group(1));
    String suffix = m.group(2);
    return suffix == null ? number : number.multiply(multiplier(suffix));
  }

  /** Cpu quantity in millicores, rounded up like Kubernetes does. */
  public static long toMillis(String text) {
    return parse(text).movePointRight(3).setScale(0, RoundingMode.CEILING).longValueExact();
  }

  /** Memory quantity in bytes, rounded up. */
  public static long toBytes(String text) {
    return parse(text).setScale(0, RoundingMode.CEILING).longValueExact();
  }

  /** Bytes written as whole mebibytes, e.g. {@code 1408Mi}. */
  public static String mebibytes(long bytes) {
    long mib = (bytes + (1L << 20) - 1) >> 20;
    return mib + "Mi";
  }

  private static BigDecimal multiplier(String suffix) {
    switch (suffix) {
      case "Ki":
        return BigDecimal.valueOf(1L << 10);
      case "Mi":
        return BigDecimal.valueOf(1L << 20);
      case "Gi":
        return BigDecimal.valueOf(1L << 30);
      case "Ti":
        return BigDecimal.valueOf(1L << 40);
      case "Pi":
        return BigDecimal.valueOf(1L << 50);
      case "Ei":
        return BigDecimal.valueOf(1L << 60);
      case "n":
        return BigDecimal.ONE.movePointLeft(9);
      case "u":
        return BigDecimal.ONE.movePointLeft(6);
      case "m":
        return BigDecimal.ONE.movePointLeft(3);
      case "k":
        return BigDecimal.ONE.movePointRight(3);
      case "M":
        return BigDecimal.ONE.movePointRight(6);
      case "G":
        return BigDecimal.ONE.movePointRight(9);
      case "T":
        return BigDecimal.ONE.movePointRight(12);
      case "P":
        return BigDecimal.ONE.movePointRight(15);
      case "E":
        return BigDecimal.ONE.movePointRight(18);
      default: // decimal exponent e3 / E-2
        return BigDecimal.ONE.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1)));
    }
  }
}
