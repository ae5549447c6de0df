package io.armadaproject.spark.core.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** One Armada gang: every member carries the same id, cardinality and uniformity label. */
public final class GangSpec {
  public static final String GANG_ID = "armadaproject.io/gangId";
  public static final String GANG_CARDINALITY = "armadaproject.io/gangCardinality";
  public static final String GANG_NODE_UNIFORMITY_LABEL = "armadaproject.io/gangNodeUniformityLabel";

  private final String id;
  private final int cardinality;
  private final String nodeUniformityLabel;

  public GangSpec(String id, int cardinality, String nodeUniformityLabel) {
    if (cardinality < 1) {
      throw new IllegalArgumentException("gang cardinality must be at least 1, got " + cardinality);
    }
    this.id = Objects.requireNonNull(id);
    this.cardinality = cardinality;
    this.nodeUniformityLabel = Objects.requireNonNull(nodeUniformityLabel);
  }

  /** A new gang with a random id. */
  public static GangSpec create(int cardinality, String nodeUniformityLabel) {
    return new GangSpec(UUID.randomUUID().toString(), cardinality, nodeUniformityLabel);
  }

  public String id() {
    return id;
  }

  public int cardinality() {
    return cardinality;
  }

  public String nodeUniformityLabel() {
    return nodeUniformityLabel;
  }

  /** The annotations every member of the gang carries. */
  public Map<String, String> annotations() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put(GANG_ID, id);
    out.put(GANG_CARDINALITY, Integer.toString(cardinality));
    out.put(GANG_NODE_UNIFORMITY_LABEL, nodeUniformityLabel);
    return out;
  }
}
