package io.armadaproject.spark.core.client;

import com.google.protobuf.CodedOutputStream;
import io.armadaproject.spark.api.JobSubmitRequestItem;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits submission items into as few requests as possible: at most {@link #MAX_ITEMS} items (the
 * Go client's limit) and about {@link #MAX_BYTES} serialized bytes (Armada's gRPC server accepts 4 MiB
 * per message) per request, item order kept.
 */
final class SubmitBatches {
  static final int MAX_ITEMS = 200;
  static final int MAX_BYTES = 4 * 1024 * 1024 - 64 * 1024;

  private SubmitBatches() {}

  static List<List<JobSubmitRequestItem>> split(List<JobSubmitRequestItem> items) {
    return split(items, MAX_ITEMS, MAX_BYTES);
  }

  static List<List<JobSubmitRequestItem>> split(List<JobSubmitRequestItem> items, int maxItems, int maxBytes) {
    List<List<JobSubmitRequestItem>> batches = new ArrayList<>();
    List<JobSubmitRequestItem> current = new ArrayList<>();
    long currentBytes = 0;
    for (JobSubmitRequestItem item : items) {
      int size = item.getSerializedSize();
      // tag byte + length prefix of field 3 in JobSubmitRequest
      long itemBytes = 1L + CodedOutputStream.computeUInt32SizeNoTag(size) + size;
      boolean full = current.size() >= maxItems || (!current.isEmpty() && currentBytes + itemBytes > maxBytes);
      if (full) {
        batches.add(current);
        current = new ArrayList<>();
        currentBytes = 0;
      }
      current.add(item);
      currentBytes += itemBytes;
    }
    if (!current.isEmpty()) {
      batches.add(current);
    }
    return batches;
  }
}
