package io.armadaproject.spark.localarmada.submit;

/** Annotation keys Armada gives meaning to (reference 4.3 and 4.2 I13). */
public final class ArmadaAnnotations {
  public static final String GANG_ID = "armadaproject.io/gangId";
  public static final String GANG_CARDINALITY = "armadaproject.io/gangCardinality";
  public static final String GANG_NODE_UNIFORMITY_LABEL = "armadaproject.io/gangNodeUniformityLabel";
  public static final String FAIL_FAST = "armadaproject.io/failFast";
  public static final String PRICE_BAND = "armadaproject.io/priceBand";

  private ArmadaAnnotations() {}
}
