package io.armadaproject.spark.core.config;

/**
 * Bad user input, found before anything is submitted. The message always names the key, the value
 * that was given and how to fix it.
 */
public class ConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String key, String value, String problem, String fix) {
    super(format(key, value, problem, fix));
  }

  /** For a missing value: there is no value to show. */
  public static ConfigException missing(String key, String fix) {
    return new ConfigException(key, null, "is not set", fix);
  }

  private static String format(String key, String value, String problem, String fix) {
    StringBuilder sb = new StringBuilder(key);
    if (value != null) {
      sb.append('=').append('"').append(value).append('"');
    }
    sb.append(' ').append(problem).append(". Fix: ").append(fix);
    return sb.toString();
  }
}
