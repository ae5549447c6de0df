package io.armadaproject.spark.localarmada.events;

import java.util.Comparator;

/**
 * An event stream message id {@code <ms>:<seq>:<index>:<last>} (reference 4.6): {@code <ms>-<seq>} names the
 * storage entry, {@code index} the API event inside it, {@code last} marks the entry's final event.
 * Ordering is by ms, then seq, then index.
 */
public record MessageId(long millis, long sequence, int index, boolean last) implements Comparable<MessageId> {

  private static final Comparator<MessageId> ORDER = Comparator.comparingLong(MessageId::millis)
      .thenComparingLong(MessageId::sequence)
      .thenComparingInt(MessageId::index);

  /** Parses the four-part form or the legacy storage form {@code <ms>-<seq>} (read as {@code <ms>:<seq>:0:1}). */
  public static MessageId parse(String text) {
    try {
      String[] legacy = text.split("-", -1);
      if (legacy.length == 2) {
        return new MessageId(Long.parseLong(legacy[0]), Long.parseLong(legacy[1]), 0, true);
      }
      String[] parts = text.split(":", -1);
      if (parts.length == 4) {
        return new MessageId(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Integer.parseInt(parts[2]),
            parseFlag(parts[3]));
      }
    } catch (NumberFormatException e) {
      // fall through to the common error
    }
    throw new IllegalArgumentException("from_message_id \"" + text + "\" is not a valid redis identifier");
  }

  private static boolean parseFlag(String text) {
    switch (text) {
      case "1":
      case "true":
        return true;
      case "0":
      case "false":
        return false;
      default:
        throw new NumberFormatException(text);
    }
  }

  @Override
  public int compareTo(MessageId other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return millis + ":" + sequence + ":" + index + ":" + (last ? 1 : 0);
  }
}
