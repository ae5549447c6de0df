package io.armadaproject.spark.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.armadaproject.spark.api.EventMessage;
import io.armadaproject.spark.api.EventStreamMessage;
import io.armadaproject.spark.api.JobQueuedEvent;
import io.armadaproject.spark.api.JobSetRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JobSetWatchTest {
  private static final int TOTAL = 6;

  private FakeArmada armada;
  private ArmadaClient client;

  @BeforeEach
  void start() throws IOException {
    armada = new FakeArmada();
    client = ArmadaClient.connect(armada.endpoint(), ArmadaClientOptions.defaults());
  }

  @AfterEach
  void stop() {
    client.close();
    armada.close();
  }

  private static EventStreamMessage event(int n) {
    return EventStreamMessage.newBuilder()
        .setId(FakeArmada.messageId(n))
        .setMessage(EventMessage.newBuilder().setQueued(
            JobQueuedEvent.newBuilder().setJobId(FakeArmada.jobId(n)).setJobSetId("set-1").setQueue("q")))
        .build();
  }

  private static List<String> ids(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(FakeArmada::messageId).collect(Collectors.toList());
  }

  /** Index (1-based) of the last event the request has already seen; 0 for none. */
  private static int seen(JobSetRequest request) {
    List<String> all = ids(1, TOTAL);
    return all.indexOf(request.getFromMessageId()) + 1;
  }

  private static final class Recorder implements JobSetEventListener {
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<Throwable> errors = new CopyOnWriteArrayList<>();
    final List<Integer> attempts = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(EventStreamMessage message) {
      events.add(message.getId());
      threads.add(Thread.currentThread().getName());
    }

    @Override
    public void onStreamError(Throwable error, int attempt) {
      errors.add(error);
      attempts.add(attempt);
    }
  }

  @Test
  void resumesAfterTheLastSeenEventWhenTheStreamDrops() {
    // 1st call: events 1-3, then the stream breaks; 2nd call: the rest, then it stays open (watch)
    armada.eventScripts.add((request, call) -> {
      for (int n = seen(request) + 1; n <= 3; n++) {
        call.onNext(event(n));
      }
      call.onError(Status.UNAVAILABLE.withDescription("redis went away").asRuntimeException());
    });
    armada.eventScripts.add((request, call) -> {
      for (int n = seen(request) + 1; n <= TOTAL; n++) {
        call.onNext(event(n));
      }
    });
    Recorder recorder = new Recorder();

    JobSetWatch watch = client.watchJobSet("q", "set-1", null, recorder);
    await(() -> recorder.events.size() >= TOTAL);

    assertThat(recorder.events).containsExactlyElementsOf(ids(1, TOTAL));
    assertThat(recorder.threads).containsOnly("armada-jobset-watch-set-1");
    assertThat(watch.lastMessageId()).isEqualTo(FakeArmada.messageId(TOTAL));
    assertThat(armada.eventRequests).hasSize(2);
    JobSetRequest first = armada.eventRequests.get(0);
    JobSetRequest second = armada.eventRequests.get(1);
    assertThat(first.getFromMessageId()).isEmpty();
    assertThat(second.getFromMessageId()).isEqualTo(FakeArmada.messageId(3));
    assertThat(List.of(first, second)).allSatisfy(r -> {
      assertThat(r.getId()).isEqualTo("set-1");
      assertThat(r.getQueue()).isEqualTo("q");
      assertThat(r.getWatch()).isTrue();
      assertThat(r.getErrorIfMissing()).isFalse();
    });
    assertThat(recorder.attempts).containsExactly(1);
    assertThat(recorder.errors.get(0)).isInstanceOf(StatusRuntimeException.class);
    assertThat(((StatusRuntimeException) recorder.errors.get(0)).getStatus().getCode())
        .isEqualTo(Status.Code.UNAVAILABLE);

    watch.close();
    assertThat(watch.isClosed()).isTrue();
    await(() -> armada.cancelledStreams.get() >= 1);
    assertThat(watchThreadAlive("set-1")).isFalse();
    assertThat(recorder.events).hasSize(TOTAL); // nothing after close
  }

  @Test
  void reconnectsWithGrowingBackoffAndResetsAfterAnEvent() {
    // calls 1-3 fail at once, call 4 sends event 1 and fails, later calls stay open sending nothing
    Status broken = Status.UNAVAILABLE.withDescription("down");
    armada.eventScripts.add((request, call) -> call.onError(broken.asRuntimeException()));
    armada.eventScripts.add((request, call) -> call.onError(broken.asRuntimeException()));
    armada.eventScripts.add((request, call) -> call.onCompleted()); // a stream that just ends
    armada.eventScripts.add((request, call) -> {
      call.onNext(event(1));
      call.onError(broken.asRuntimeException());
    });
    armada.eventScripts.add((request, call) -> { });
    Recorder recorder = new Recorder();

    try (JobSetWatch watch = client.watchJobSet("q", "set-2", "", recorder)) {
      await(() -> armada.eventRequests.size() >= 5);
      assertThat(recorder.attempts).containsExactly(1, 2, 3, 1);
      assertThat(recorder.events).containsExactly(FakeArmada.messageId(1));
      assertThat(armada.eventRequests.get(4).getFromMessageId()).isEqualTo(FakeArmada.messageId(1));
      assertThat(watch.isClosed()).isFalse();
    }
    assertThat(watchThreadAlive("set-2")).isFalse();
  }

  @Test
  void skipsEventsAServerRepeats() {
    // a server that resends the resume point must not make the listener see it twice
    armada.eventScripts.add((request, call) -> {
      call.onNext(event(1));
      call.onNext(event(2));
      call.onError(Status.UNAVAILABLE.asRuntimeException());
    });
    armada.eventScripts.add((request, call) -> {
      call.onNext(event(1));
      call.onNext(event(2));
      call.onNext(event(3));
    });
    Recorder recorder = new Recorder();
    try (JobSetWatch watch = client.watchJobSet("q", "set-3", null, recorder)) {
      await(() -> recorder.events.size() >= 3);
      assertThat(recorder.events).containsExactlyElementsOf(ids(1, 3));
      assertThat(watch.lastMessageId()).isEqualTo(FakeArmada.messageId(3));
    }
  }

  @Test
  void startsAfterTheGivenMessageIdAndClientCloseStopsTheWatch() {
    armada.eventScripts.add((request, call) -> {
      for (int n = seen(request) + 1; n <= TOTAL; n++) {
        call.onNext(event(n));
      }
    });
    Recorder recorder = new Recorder();
    JobSetWatch watch = client.watchJobSet("q", "set-4", FakeArmada.messageId(4), recorder);
    await(() -> recorder.events.size() >= 2);
    assertThat(recorder.events).containsExactlyElementsOf(ids(5, TOTAL));
    assertThat(armada.eventRequests.get(0).getFromMessageId()).isEqualTo(FakeArmada.messageId(4));

    client.close();
    assertThat(watch.isClosed()).isTrue();
    assertThat(watchThreadAlive("set-4")).isFalse();
  }

  @Test
  void readJobSetReturnsWhatIsStoredAndEnds() {
    armada.eventScripts.add((request, call) -> {
      for (int n = seen(request) + 1; n <= 3; n++) {
        call.onNext(event(n));
      }
      call.onCompleted();
    });
    List<EventStreamMessage> all = client.readJobSet("q", "set-5");
    List<EventStreamMessage> rest = client.readJobSet("q", "set-5", FakeArmada.messageId(1));

    assertThat(all).extracting(EventStreamMessage::getId).containsExactlyElementsOf(ids(1, 3));
    assertThat(rest).extracting(EventStreamMessage::getId).containsExactlyElementsOf(ids(2, 3));
    assertThat(armada.eventRequests).allSatisfy(r -> {
      assertThat(r.getWatch()).isFalse();
      assertThat(r.getErrorIfMissing()).isFalse();
    });
  }

  @Test
  void readJobSetReportsTheStatus() {
    armada.eventScripts.add((request, call) ->
        call.onError(Status.PERMISSION_DENIED.withDescription("no watch permission").asRuntimeException()));
    ArmadaClientException e = org.assertj.core.api.Assertions.catchThrowableOfType(
        ArmadaClientException.class, () -> client.readJobSet("q", "set-6"));
    assertThat(e.statusCode()).contains(Status.Code.PERMISSION_DENIED);
    assertThat(e.getMessage()).contains("set-6", "no watch permission", armada.endpoint().toString());
  }

  private static boolean watchThreadAlive(String jobSetId) {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals("armada-jobset-watch-" + jobSetId) && t.isAlive());
  }

  private static void await(BooleanSupplier condition) {
    long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("condition not met within 15 s");
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
