package io.armadaproject.spark.localarmada.pods;

/** A pod cannot be started as specified; the message becomes the job's failure reason. */
public final class PodSetupException extends Exception {
  private static final long serialVersionUID = 1L;

  public PodSetupException(String reason) {
    super(reason);
  }
}
