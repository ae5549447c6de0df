package io.armadaproject.spark.localarmada.pods;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The end of a container log, used as the message of a failed container's status. */
final class LogTail {

  private LogTail() {}

  static String read(Path file, int maxBytes) {
    try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
      long start = Math.max(0, log.length() - maxBytes);
      byte[] bytes = new byte[(int) (log.length() - start)];
      log.seek(start);
      log.readFully(bytes);
      String text = new String(bytes, StandardCharsets.UTF_8);
      int firstLine = start > 0 ? text.indexOf('\n') + 1 : 0;
      return text.substring(firstLine).strip();
    } catch (IOException e) {
      return "";
    }
  }
}
