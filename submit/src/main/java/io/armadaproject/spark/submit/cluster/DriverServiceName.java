package io.armadaproject.spark.submit.cluster;

import io.armadaproject.spark.core.config.ArmadaConfigKeys;
import io.armadaproject.spark.core.config.ConfigException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The driver's custom service name: {@code <prefix>-<10 hex digits of the app id>}, a DNS label. */
final class DriverServiceName {
  static final int MAX_PREFIX = 52; // 63-character DNS label minus "-" and 10 hex digits

  private DriverServiceName() {}

  static String of(String prefix, String appId) {
    String key = ArmadaConfigKeys.DRIVER_SERVICE_NAME_PREFIX.name();
    if (!prefix.matches("[a-z]([a-z-]*[a-z])?")) {
      throw new ConfigException(key, prefix, "is not a valid service name prefix",
          "use lowercase letters a-z and '-' only, starting and ending with a letter, e.g. spark-driver");
    }
    if (prefix.length() > MAX_PREFIX) {
      throw new ConfigException(key, prefix, "is longer than " + MAX_PREFIX + " characters",
          "use a shorter prefix (the service name must fit a 63-character DNS label)");
    }
    return prefix + "-" + hex(appId).substring(0, 10);
  }

  private static String hex(String text) {
    try {
      StringBuilder out = new StringBuilder();
      for (byte b : MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))) {
        out.append(String.format("%02x", b));
      }
      return out.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
