package io.armadaproject.spark.core.config;

/** The kinds of value a configuration key takes; each knows how to check a value. */
public enum ConfigType {
  STRING("a non-empty string") {
    @Override
    String check(String value) {
      return value.trim().isEmpty() ? "is empty" : null;
    }
  },
  HTTP_URL("an http:// or https:// URL") {
    @Override
    String check(String value) {
      String v = value.trim().toLowerCase(java.util.Locale.ROOT);
      boolean http = v.startsWith("http://") || v.startsWith("https://");
      return http && v.indexOf("://") + 3 < v.length() ? null : "is not an http:// or https:// URL";
    }
  },
  INT("an integer") {
    @Override
    String check(String value) {
      try {
        Integer.parseInt(value.trim());
        return null;
      } catch (NumberFormatException e) {
        return "is not an integer";
      }
    }
  },
  PORT("a port number from 1 to 65535") {
    @Override
    String check(String value) {
      try {
        int port = Integer.parseInt(value.trim());
        return port >= 1 && port <= 65535 ? null : "is not a port number from 1 to 65535";
      } catch (NumberFormatException e) {
        return "is not a port number";
      }
    }
  },
  DOUBLE("a number") {
    @Override
    String check(String value) {
      try {
        Double.parseDouble(value.trim());
        return null;
      } catch (NumberFormatException e) {
        return "is not a number";
      }
    }
  },
  BOOLEAN("true or false") {
    @Override
    String check(String value) {
      String v = value.trim();
      return v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false") ? null : "is not true or false";
    }
  },
  DURATION("a duration such as 30s, 500ms or 5m") {
    @Override
    String check(String value) {
      try {
        Durations.parse(value, java.util.concurrent.TimeUnit.SECONDS);
        return null;
      } catch (IllegalArgumentException e) {
        return e.getMessage();
      }
    }
  },
  POSITIVE_DURATION("a duration above zero such as 1s, 500ms or 5m") {
    @Override
    String check(String value) {
      String problem = DURATION.check(value);
      if (problem != null) {
        return problem;
      }
      return Durations.parse(value, java.util.concurrent.TimeUnit.SECONDS).isZero() ? "is zero" : null;
    }
  },
  QUANTITY("a Kubernetes quantity such as 500m, 2 or 4Gi") {
    @Override
    String check(String value) {
      if (!io.armadaproject.spark.core.model.Quantities.isValid(value)) {
        return "is not a Kubernetes quantity";
      }
      return value.trim().startsWith("-") ? "is negative" : null;
    }
  },
  KEY_VALUE_LIST("a comma-separated list of key=value pairs") {
    @Override
    String check(String value) {
      try {
        KeyValueList.parse(value);
        return null;
      } catch (IllegalArgumentException e) {
        return e.getMessage();
      }
    }
  };

  private final String description;

  ConfigType(String description) {
    this.description = description;
  }

  /** What a valid value looks like, for error messages and docs. */
  public String description() {
    return description;
  }

  /** Null when the value is acceptable, else what is wrong with it. */
  abstract String check(String value);
}
