package io.armadaproject.spark.localarmada.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.armadaproject.spark.api.EventMessage;
import io.armadaproject.spark.api.EventStreamMessage;
import io.armadaproject.spark.api.JobQueuedEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class JobSetEventLogTest {

  @Test
  void entriesNumberTheirEventsAndMarkTheLast() {
    JobSetEventLog log = new JobSetEventLog();
    log.append(List.of(event("a"), event("b"), event("c")), 1000);
    log.append(List.of(event("d")), 1000);
    log.append(List.of(event("e")), 999);
    log.append(List.of(event("f")), 1001);
    assertThat(log.readFrom(0)).extracting(EventStreamMessage::getId)
        .containsExactly("1000:0:0:0", "1000:0:1:0", "1000:0:2:1", "1000:1:0:1", "1000:2:0:1", "1001:0:0:1");
  }

  @Test
  void resumesStrictlyAfterAnId() {
    JobSetEventLog log = new JobSetEventLog();
    log.append(List.of(event("a"), event("b")), 10);
    log.append(List.of(event("c")), 11);
    assertThat(jobIds(log.readFrom(log.positionAfter(null)))).containsExactly("a", "b", "c");
    assertThat(jobIds(log.readFrom(log.positionAfter(MessageId.parse("10:0:0:0"))))).containsExactly("b", "c");
    assertThat(jobIds(log.readFrom(log.positionAfter(MessageId.parse("10:0:1:1"))))).containsExactly("c");
    assertThat(jobIds(log.readFrom(log.positionAfter(MessageId.parse("10-0"))))).containsExactly("b", "c");
    assertThat(jobIds(log.readFrom(log.positionAfter(MessageId.parse("11:0:0:1"))))).isEmpty();
    assertThat(jobIds(log.readFrom(log.positionAfter(MessageId.parse("5:0:0:1"))))).containsExactly("a", "b", "c");
  }

  @Test
  void readersWaitForNewEventsAndWakeOnAppend() throws Exception {
    JobSetEventLog log = new JobSetEventLog();
    CompletableFuture<List<EventStreamMessage>> read = CompletableFuture.supplyAsync(() -> {
      try {
        return log.awaitFrom(0, () -> false);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    log.append(List.of(event("a")), 1);
    assertThat(jobIds(read.get(10, TimeUnit.SECONDS))).containsExactly("a");
  }

  @Test
  void waitingReadersStopWhenTheirConditionTurns() throws Exception {
    JobSetEventLog log = new JobSetEventLog();
    AtomicBoolean stop = new AtomicBoolean();
    CompletableFuture<List<EventStreamMessage>> read = CompletableFuture.supplyAsync(() -> {
      try {
        return log.awaitFrom(0, stop::get);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    stop.set(true);
    log.wakeReaders();
    assertThat(read.get(10, TimeUnit.SECONDS)).isEmpty();
  }

  private static EventMessage event(String jobId) {
    return EventMessage.newBuilder().setQueued(JobQueuedEvent.newBuilder().setJobId(jobId)).build();
  }

  private static List<String> jobIds(List<EventStreamMessage> messages) {
    return messages.stream().map(message -> message.getMessage().getQueued().getJobId()).toList();
  }
}
