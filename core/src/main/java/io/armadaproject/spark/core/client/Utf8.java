package io.armadaproject.spark.core.client;

import java.nio.charset.StandardCharsets;

/** UTF-8 helpers for Armada's byte-counted limits. */
final class Utf8 {
  private Utf8() {}

  /** The longest prefix of {@code text} whose UTF-8 encoding fits {@code maxBytes}; never splits a code point. */
  static String truncate(String text, int maxBytes) {
    if (text == null) {
      return "";
    }
    if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
      return text;
    }
    int bytes = 0;
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (bytes + len > maxBytes) {
        break;
      }
      bytes += len;
      i += Character.charCount(cp);
    }
    return text.substring(0, i);
  }
}
