package io.armadaproject.spark.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.armadaproject.spark.api.JobSubmitRequestItem;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The small helpers behind the client: back-off, message id order, UTF-8 cuts, submit batches. */
class ClientSupportTest {

  @Test
  void backoffDoublesUpToTheCapAndResets() {
    Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5));
    List<Long> delays = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      delays.add(backoff.nextDelayMillis());
    }
    assertThat(delays).containsExactly(200L, 400L, 800L, 1600L, 3200L, 5000L, 5000L);
    backoff.reset();
    assertThat(backoff.nextDelayMillis()).isEqualTo(200L);
  }

  @Test
  void messageIdsOrderByMillisSeqIndex() {
    assertThat(MessageIds.isAfter("5:0:0:1", null)).isTrue();
    assertThat(MessageIds.isAfter("5:0:0:1", "5:0:0:1")).isFalse();
    assertThat(MessageIds.isAfter("5:0:1:0", "5:0:0:0")).isTrue();
    assertThat(MessageIds.isAfter("5:1:0:1", "5:0:9:1")).isTrue();
    assertThat(MessageIds.isAfter("10:0:0:1", "9:5:5:1")).isTrue();
    assertThat(MessageIds.isAfter("4:9:9:1", "5:0:0:1")).isFalse();
    assertThat(MessageIds.isAfter("b", "a")).isTrue(); // opaque ids: only exact repeats are dropped
    assertThat(MessageIds.isAfter("a", "a")).isFalse();
  }

  @Test
  void utf8CutNeverSplitsACharacter() {
    assertThat(Utf8.truncate(null, 50)).isEmpty();
    assertThat(Utf8.truncate("short", 50)).isEqualTo("short");
    String text = "x".repeat(48) + "é€"; // 48 + 2 + 3 bytes
    String cut = Utf8.truncate(text, 50);
    assertThat(cut).isEqualTo("x".repeat(48) + "é");
    assertThat(cut.getBytes(StandardCharsets.UTF_8)).hasSize(50);
    assertThat(Utf8.truncate("ab😀", 5)).isEqualTo("ab"); // the emoji takes 4 bytes
  }

  @Test
  void submitBatchesRespectCountAndBytes() {
    List<JobSubmitRequestItem> small = items(401, 0);
    assertThat(SubmitBatches.split(small).stream().map(List::size).collect(Collectors.toList()))
        .containsExactly(200, 200, 1);

    List<JobSubmitRequestItem> big = items(5, 1_500_000); // ~1.5 MB each: two fit under 4 MiB
    List<List<JobSubmitRequestItem>> batches = SubmitBatches.split(big);
    assertThat(batches.stream().map(List::size).collect(Collectors.toList())).containsExactly(2, 2, 1);
    assertThat(batches.stream().flatMap(List::stream).collect(Collectors.toList())).isEqualTo(big);

    List<JobSubmitRequestItem> huge = items(2, 5_000_000); // too big alone: still sent, one per request
    assertThat(SubmitBatches.split(huge)).hasSize(2);
    assertThat(SubmitBatches.split(List.of())).isEmpty();
  }

  private static List<JobSubmitRequestItem> items(int count, int annotationBytes) {
    List<JobSubmitRequestItem> items = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      JobSubmitRequestItem.Builder item = JobSubmitRequestItem.newBuilder().setClientId("c" + i);
      if (annotationBytes > 0) {
        item.putAnnotations("big", "a".repeat(annotationBytes));
      }
      items.add(item.build());
    }
    return items;
  }
}
