package io.armadaproject.spark.core.client;

import io.armadaproject.spark.api.EventStreamMessage;

/**
 * Receives the events of a watched job set, on the watch's own thread, one at a time, in order.
 * Exceptions thrown by the listener are logged and do not stop the watch.
 */
public interface JobSetEventListener {
  /** Called once per event, in stream order. */
  void onEvent(EventStreamMessage message);

  /**
   * The event stream failed or ended and the watch will reconnect after a back-off. {@code attempt}
   * counts the consecutive failures since the last event arrived (1 for the first).
   */
  default void onStreamError(Throwable error, int attempt) {}
}
