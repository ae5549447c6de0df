package io.armadaproject.spark.core.model;

import java.util.regex.Pattern;

/** Kubernetes' rules for label keys and values (also used for node selectors). */
public final class LabelRules {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
  private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private LabelRules() {}

  /** Null when {@code key} is a valid label key ({@code [prefix/]name}), else what is wrong. */
  public static String keyProblem(String key) {
    int slash = key.indexOf('/');
    String name = slash < 0 ? key : key.substring(slash + 1);
    if (slash >= 0) {
      String prefix = key.substring(0, slash);
      if (prefix.isEmpty() || prefix.length() > 253 || !DNS_SUBDOMAIN.matcher(prefix).matches()) {
        return "has an invalid prefix \"" + prefix + "\" (a lowercase DNS subdomain of at most 253 characters)";
      }
    }
    if (name.isEmpty() || name.length() > 63 || !NAME.matcher(name).matches()) {
      return "has an invalid name \"" + name + "\" (at most 63 characters: letters, digits, '-', '_', '.', "
          + "starting and ending with a letter or digit)";
    }
    return null;
  }

  /** Null when {@code value} is a valid label value, else what is wrong. */
  public static String valueProblem(String value) {
    if (value.isEmpty()) {
      return null;
    }
    if (value.length() > 63 || !NAME.matcher(value).matches()) {
      return "is not a valid label value (at most 63 characters: letters, digits, '-', '_', '.', "
          + "starting and ending with a letter or digit)";
    }
    return null;
  }
}
