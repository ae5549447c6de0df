package io.armadaproject.spark.core.model;

import java.util.regex.Pattern;

/** Kubernetes resource quantities as the submission writes and checks them ({@code 500m}, {@code 1.5Gi}, {@code 1e3}). */
public final class Quantities {
  private static final Pattern FORMAT =
      Pattern.compile("([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?");

  private Quantities() {}

  public static boolean isValid(String text) {
    return text != null && FORMAT.matcher(text.trim()).matches();
  }

  /** Bytes written as whole mebibytes, e.g. {@code 1408Mi}. */
  public static String mebibytes(long bytes) {
    long mib = (bytes + (1L << 20) - 1) >> 20;
    return mib + "Mi";
  }
}
