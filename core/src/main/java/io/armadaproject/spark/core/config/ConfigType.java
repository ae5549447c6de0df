package io.armadaproject.spark.core.config;

/** The kinds of value a configuration key takes; each knows how to check a value. */
public enum ConfigType {
  STRING("a string") {
    @Override
    String check(String value) {
      return null;
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
  QUANTITY("a Kubernetes quantity such as 500m, 2 or 4Gi") {
    @Override
    String check(String value) {
      return io.armadaproject.spark.core.model.Quantities.isValid(value)
          ? null
          : "is not a Kubernetes quantity";
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
