package io.armadaproject.spark.submit.cluster;

import com.google.protobuf.Message;
import io.armadaproject.spark.core.config.ConfigException;
import io.armadaproject.spark.core.config.ConfigKey;
import io.armadaproject.spark.core.template.TemplateException;
import io.armadaproject.spark.core.template.YamlProtoReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/** Loads a template named by a key from a path, a file:// URL or an http(s):// URL, and parses it. */
final class TemplateLoader {
  private static final int CONNECT_TIMEOUT_MS = 10_000;
  private static final int READ_TIMEOUT_MS = 30_000;
  private static final String FIX = "give a readable YAML file as a path, file:///path or http(s):// URL "
      + "(see docs/templates.md)";

  private TemplateLoader() {}

  static <B extends Message.Builder> B load(ConfigKey key, String location, B builder) {
    String text = text(key, location);
    try {
      YamlProtoReader.read(text, builder);
      return builder;
    } catch (TemplateException e) {
      throw new ConfigException(key.name(), location, "is not a valid "
          + builder.getDescriptorForType().getName() + " template: " + e.getMessage(),
          "fix the template; fields are those of Armada's " + builder.getDescriptorForType().getName()
              + " in camelCase or snake_case (see docs/templates.md)");
    }
  }

  private static String text(ConfigKey key, String location) {
    String lower = location.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      return fetch(key, location);
    }
    String path = location;
    if (lower.startsWith("file://")) {
      path = location.substring("file://".length());
    } else if (location.contains("://")) {
      throw new ConfigException(key.name(), location, "has an unsupported scheme", FIX);
    }
    Path file = Paths.get(path);
    try {
      if (Files.isDirectory(file)) {
        throw new ConfigException(key.name(), location, "is a directory", FIX);
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(key.name(), location, "does not exist", FIX);
    } catch (IOException e) {
      throw new ConfigException(key.name(), location, "cannot be read (" + e + ")", FIX);
    }
  }

  private static String fetch(ConfigKey key, String location) {
    try {
      HttpURLConnection http = (HttpURLConnection) new URL(location).openConnection();
      http.setConnectTimeout(CONNECT_TIMEOUT_MS);
      http.setReadTimeout(READ_TIMEOUT_MS);
      int status = http.getResponseCode();
      if (status != HttpURLConnection.HTTP_OK) {
        throw new ConfigException(key.name(), location, "answered HTTP " + status, FIX);
      }
      try (InputStream in = http.getInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new ConfigException(key.name(), location, "could not be fetched (" + e + ")", FIX);
    }
  }
}
