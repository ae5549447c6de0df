package io.armadaproject.spark.localarmada.events;

import io.armadaproject.spark.api.EventMessage;
import io.armadaproject.spark.api.EventStreamMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The ordered event log of one (queue, job set). Each {@link #append} is one storage entry whose events get
 * consecutive indexes; readers block in {@link #awaitFrom} until something newer arrives.
 */
public final class JobSetEventLog {

  private final List<EventStreamMessage> messages = new ArrayList<>();
  private final List<MessageId> ids = new ArrayList<>();
  private long lastMillis = -1;
  private long lastSequence = -1;

  /** Stores {@code events} as one entry stamped {@code nowMillis} (kept monotonic) and wakes readers. */
  public synchronized void append(List<EventMessage> events, long nowMillis) {
    if (events.isEmpty()) {
      return;
    }
    if (nowMillis > lastMillis) {
      lastMillis = nowMillis;
      lastSequence = 0;
    } else {
      lastSequence++;
    }
    for (int i = 0; i < events.size(); i++) {
      MessageId id = new MessageId(lastMillis, lastSequence, i, i == events.size() - 1);
      EventStreamMessage message = EventStreamMessage.newBuilder().setId(id.toString()).setMessage(events.get(i)).build();
      ids.add(id);
      messages.add(message);
    }
    notifyAll();
  }

  public synchronized boolean isEmpty() {
    return messages.isEmpty();
  }

  /** Position of the first message strictly after {@code from}; 0 when {@code from} is null. */
  public synchronized int positionAfter(MessageId from) {
    if (from == null) {
      return 0;
    }
    int found = Collections.binarySearch(ids, from);
    return found >= 0 ? found + 1 : -found - 1;
  }

  /** Messages from {@code position} to the current end. */
  public synchronized List<EventStreamMessage> readFrom(int position) {
    return position >= messages.size() ? List.of() : List.copyOf(messages.subList(position, messages.size()));
  }

  /**
   * Blocks until messages exist at {@code position} or {@code stop} turns true (checked whenever the log is
   * woken), then returns what is there (possibly nothing when stopped).
   */
  public synchronized List<EventStreamMessage> awaitFrom(int position, BooleanSupplier stop) throws InterruptedException {
    while (messages.size() <= position && !stop.getAsBoolean()) {
      wait();
    }
    return readFrom(position);
  }

  /** Wakes blocked readers so they re-check their stop condition. */
  public synchronized void wakeReaders() {
    notifyAll();
  }
}
