package io.armadaproject.spark.localarmada.grpc;

/** local-armada has no user accounts: every caller acts as Armada's anonymous user. */
final class Principals {
  static final String ANONYMOUS = "anonymous";

  private Principals() {}
}
