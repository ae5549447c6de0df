package io.armadaproject.spark.submit.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Armada client ids (at most 100 characters): one per job of an application, stable across retries. */
final class ClientIds {
  static final int MAX_LENGTH = 100;

  private ClientIds() {}

  static String driver(String appId) {
    return bounded(appId + "-driver");
  }

  static String executor(String appId, int executorId) {
    return bounded(appId + "-exec-" + executorId);
  }

  private static String bounded(String id) {
    if (id.length() <= MAX_LENGTH) {
      return id;
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (byte b : hash) {
        hex.append(String.format("%02x", b));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
