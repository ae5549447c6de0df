package io.armadaproject.spark.core.client;

/**
 * Ordering of Armada event message ids ({@code <ms>:<seq>:<index>:<last>}, reference 4.6). Ids are
 * treated as opaque unless both parse; then they are compared by ms, seq, index.
 */
final class MessageIds {
  private MessageIds() {}

  /** True when {@code id} should be delivered after {@code last} was (no duplicate, no step back). */
  static boolean isAfter(String id, String last) {
    if (last == null || last.isEmpty()) {
      return true;
    }
    if (id.equals(last)) {
      return false;
    }
    long[] a = parse(id);
    long[] b = parse(last);
    if (a == null || b == null) {
      return true;
    }
    for (int i = 0; i < 3; i++) {
      if (a[i] != b[i]) {
        return a[i] > b[i];
      }
    }
    return false;
  }

  private static long[] parse(String id) {
    String[] parts = id.split(":", -1);
    if (parts.length != 4) {
      return null;
    }
    long[] out = new long[3];
    try {
      for (int i = 0; i < 3; i++) {
        out[i] = Long.parseLong(parts[i]);
      }
    } catch (NumberFormatException e) {
      return null;
    }
    return out;
  }
}
