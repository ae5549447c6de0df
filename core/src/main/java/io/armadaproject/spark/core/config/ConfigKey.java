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

  private ConfigKey(
      String name, ConfigType type, String defaultValue, String doc, List<String> aliases) {
    this.name = Objects.requireNonNull(name);
    this.type = Objects.requireNonNull(type);
    this.defaultValue = defaultValue;
    this.doc = Objects.requireNonNull(doc);
    this.aliases = Collections.unmodifiableList(aliases);
  }

  public static ConfigKey of(String name, ConfigType type, String defaultValue, String doc) {
    return new ConfigKey(name, type, defaultValue, doc, Collections.emptyList());
  }

  /** The same key, also accepted under the given alternative names. */
  public ConfigKey withAliases(String... names) {
    return new ConfigKey(name, type, defaultValue, doc, Arrays.asList(names));
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
