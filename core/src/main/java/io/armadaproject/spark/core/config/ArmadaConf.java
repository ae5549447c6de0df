package io.armadaproject.spark.core.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A checked view of the {@code spark.armada.*} settings: aliases resolved, every value checked
 * against its key's type, unknown keys reported with the nearest known one.
 */
public final class ArmadaConf {
  private final Map<String, String> values;
  private final List<String> warnings;

  private ArmadaConf(Map<String, String> values, List<String> warnings) {
    this.values = values;
    this.warnings = warnings;
  }

  /**
   * Checks every known key in {@code settings} (all of Spark's settings may be passed; only
   * {@code spark.armada.*} keys are looked at).
   *
   * @throws ConfigException for the first bad value or conflicting aliases
   */
  public static ArmadaConf from(Map<String, String> settings) {
    Map<String, String> values = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    Map<String, ConfigKey> byName = new LinkedHashMap<>();
    for (ConfigKey key : ArmadaConfigKeys.all()) {
      byName.put(key.name(), key);
      for (String alias : key.aliases()) {
        byName.put(alias, key);
      }
    }
    for (Map.Entry<String, String> e : settings.entrySet()) {
      String name = e.getKey();
      if (!name.startsWith(ArmadaConfigKeys.PREFIX) || name.startsWith(ArmadaConfigKeys.PREFIX + "internal.")) {
        continue;
      }
      ConfigKey key = byName.get(name);
      if (key == null) {
        warnings.add(unknownKeyWarning(name, byName.keySet()));
        continue;
      }
      String value = e.getValue();
      String problem = key.type().check(value);
      if (problem != null) {
        throw new ConfigException(name, key.isSecret() ? "<redacted>" : value, problem,
            "set " + name + " to " + key.type().description());
      }
      String previous = values.put(key.name(), value.trim());
      if (previous != null && !previous.equals(value.trim())) {
        throw new ConfigException(
            name, value, "conflicts with \"" + previous + "\" given under another name of the same key",
            "set only one of " + key.name() + " and " + String.join(", ", key.aliases()));
      }
    }
    return new ArmadaConf(Collections.unmodifiableMap(values), Collections.unmodifiableList(warnings));
  }

  /** True for the names (and aliases) of keys that hold secrets. */
  public static boolean isSecretKey(String name) {
    for (ConfigKey key : ArmadaConfigKeys.all()) {
      if (key.isSecret() && (key.name().equals(name) || key.aliases().contains(name))) {
        return true;
      }
    }
    return false;
  }

  /** Warnings about keys this version does not know (likely typos). */
  public List<String> warnings() {
    return warnings;
  }

  /** The value given by the user, or the key's default, or empty. */
  public Optional<String> get(ConfigKey key) {
    String v = values.get(key.name());
    if (v == null || v.isEmpty()) {
      v = key.defaultValue();
    }
    return Optional.ofNullable(v);
  }

  /** True when the user gave a value (defaults do not count). */
  public boolean isSet(ConfigKey key) {
    String v = values.get(key.name());
    return v != null && !v.isEmpty();
  }

  public String require(ConfigKey key, String fix) {
    return get(key).orElseThrow(() -> ConfigException.missing(key.name(), fix));
  }

  public Duration duration(ConfigKey key) {
    return Durations.parse(require(key, "set " + key.name()), TimeUnit.SECONDS);
  }

  public boolean bool(ConfigKey key) {
    return Boolean.parseBoolean(require(key, "set " + key.name()));
  }

  public Map<String, String> keyValues(ConfigKey key) {
    return KeyValueList.parse(get(key).orElse(""));
  }

  private static String unknownKeyWarning(String name, Iterable<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int d = EditDistance.between(name.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    return "Unknown configuration key " + name + " is ignored; did you mean " + best + "?";
  }
}
