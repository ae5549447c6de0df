package io.armadaproject.spark.core.config;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** One configuration key: its name, older or alternative names, default, documentation and check. */
public final class ConfigKey {
  private final String name;
  private final List<String> aliases;
  private final ConfigType type;
  private final String defaultValue;
  private final String doc;
  private final boolean secret;

  private ConfigKey(
      String name, ConfigType type, String defaultValue, String doc, List<String> aliases, boolean secret) {
    this.name = Objects.requireNonNull(name);
    this.type = Objects.requireNonNull(type);
    this.defaultValue = defaultValue;
    this.doc = Objects.requireNonNull(doc);
    this.aliases = Collections.unmodifiableList(aliases);
    this.secret = secret;
  }

  public static ConfigKey of(String name, ConfigType type, String defaultValue, String doc) {
    return new ConfigKey(name, type, defaultValue, doc, Collections.emptyList(), false);
  }

  /** The same key, also accepted under the given alternative names. */
  public ConfigKey withAliases(String... names) {
    return new ConfigKey(name, type, defaultValue, doc, Arrays.asList(names), secret);
  }

  /** The same key, holding a secret: its value is never printed, logged or put in pod args. */
  public ConfigKey secret() {
    return new ConfigKey(name, type, defaultValue, doc, aliases, true);
  }

  public boolean isSecret() {
    return secret;
  }

  public String name() {
    return name;
  }

  public List<String> aliases() {
    return aliases;
  }

  public ConfigType type() {
    return type;
  }

  /** The default as text, or null when the key has none. */
  public String defaultValue() {
    return defaultValue;
  }

  public String doc() {
    return doc;
  }

  @Override
  public String toString() {
    return name;
  }
}
