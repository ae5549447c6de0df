package io.armadaproject.spark.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Parses {@code a=1, b=2} lists: blanks around items are trimmed, empty items are skipped. */
public final class KeyValueList {
  private KeyValueList() {}

  public static Map<String, String> parse(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    if (text == null) {
      return out;
    }
    for (String item : text.split(",")) {
      String trimmed = item.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      int eq = trimmed.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("item '" + trimmed + "' is not key=value");
      }
      out.put(trimmed.substring(0, eq).trim(), trimmed.substring(eq + 1).trim());
    }
    return Collections.unmodifiableMap(out);
  }
}
