package io.armadaproject.spark.localarmada.queue;

/** A queue operation that cannot be done; {@link #kind()} decides the gRPC status. */
public final class QueueException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Kind { INVALID, ALREADY_EXISTS, NOT_FOUND }

  private final Kind kind;

  QueueException(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
