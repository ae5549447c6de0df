package io.armadaproject.spark.localarmada.submit;

import java.util.Map;

/**
 * Gang membership read from a job's annotations.
 *
 * @param id gang id (unique per gang)
 * @param cardinality total number of jobs in the gang; 1 means "not really a gang"
 * @param uniformityLabel node uniformity label name, empty when none
 */
public record GangSpec(String id, int cardinality, String uniformityLabel) {

  /** Thrown for annotations that do not describe a valid gang; the message follows "invalid gang information: ". */
  public static final class InvalidGangException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidGangException(String message) {
      super(message, null, false, false);
    }
  }

  /** The gang described by {@code annotations}, or {@code null} when there is no gang id annotation. */
  public static GangSpec parse(Map<String, String> annotations) throws InvalidGangException {
    String id = annotations.get(ArmadaAnnotations.GANG_ID);
    if (id == null) {
      return null;
    }
    if (id.isEmpty()) {
      throw new InvalidGangException("gang id is empty");
    }
    String cardinalityText = annotations.get(ArmadaAnnotations.GANG_CARDINALITY);
    if (cardinalityText == null) {
      throw new InvalidGangException(
          "gang cardinality annotation " + ArmadaAnnotations.GANG_CARDINALITY + " is missing for gang " + id);
    }
    int cardinality;
    try {
      cardinality = Integer.parseInt(cardinalityText.trim());
    } catch (NumberFormatException e) {
      throw new InvalidGangException("gang cardinality \"" + cardinalityText + "\" is not an integer");
    }
    if (cardinality <= 0) {
      throw new InvalidGangException("gang cardinality " + cardinality + " is non-positive");
    }
    return new GangSpec(id, cardinality, annotations.getOrDefault(ArmadaAnnotations.GANG_NODE_UNIFORMITY_LABEL, ""));
  }

  /** Parses annotations that were already validated at submission. */
  public static GangSpec parseValidated(Map<String, String> annotations) {
    try {
      return parse(annotations);
    } catch (InvalidGangException e) {
      throw new IllegalStateException("gang annotations should have been validated: " + e.getMessage(), e);
    }
  }

  public boolean isRealGang() {
    return cardinality > 1;
  }
}
