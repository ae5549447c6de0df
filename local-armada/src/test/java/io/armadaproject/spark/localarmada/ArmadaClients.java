package io.armadaproject.spark.localarmada;

import io.armadaproject.spark.api.EventGrpc;
import io.armadaproject.spark.api.EventMessage;
import io.armadaproject.spark.api.EventStreamMessage;
import io.armadaproject.spark.api.JobSetRequest;
import io.armadaproject.spark.api.QueueServiceGrpc;
import io.armadaproject.spark.api.SubmitGrpc;
import io.armadaproject.spark.localarmada.admin.AdminGrpc;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** Blocking stubs on one channel plus helpers for reading job set events. */
public final class ArmadaClients {

  /** Event kinds after which a job produces no further events. */
  public static final Set<EventMessage.EventsCase> TERMINAL = Set.of(EventMessage.EventsCase.SUCCEEDED,
      EventMessage.EventsCase.FAILED, EventMessage.EventsCase.CANCELLED);

  public final ManagedChannel channel;
  public final SubmitGrpc.SubmitBlockingStub submit;
  public final QueueServiceGrpc.QueueServiceBlockingStub queues;
  public final EventGrpc.EventBlockingStub events;
  public final AdminGrpc.AdminBlockingStub admin;

  public ArmadaClients(ManagedChannel channel) {
    this.channel = channel;
    this.submit = SubmitGrpc.newBlockingStub(channel);
    this.queues = QueueServiceGrpc.newBlockingStub(channel);
    this.events = EventGrpc.newBlockingStub(channel);
    this.admin = AdminGrpc.newBlockingStub(channel);
  }

  /** Everything stored for the job set now (watch=false). */
  public List<EventStreamMessage> storedEvents(String queue, String jobSet) {
    List<EventStreamMessage> messages = new ArrayList<>();
    events.getJobSetEvents(JobSetRequest.newBuilder().setQueue(queue).setId(jobSet).build())
        .forEachRemaining(messages::add);
    return messages;
  }

  /**
   * Watches the job set until every job in {@code jobIds} had a terminal event (or the safety deadline ends
   * the stream), returning each job's event kinds in stream order.
   */
  public Map<String, List<EventMessage.EventsCase>> watchUntilDone(String queue, String jobSet, List<String> jobIds,
      int deadlineSeconds) {
    Map<String, List<EventMessage.EventsCase>> perJob = new LinkedHashMap<>();
    jobIds.forEach(id -> perJob.put(id, new ArrayList<>()));
    return watch(queue, jobSet, deadlineSeconds, stream -> {
      try {
        while (!allDone(perJob) && stream.hasNext()) {
          EventMessage message = stream.next().getMessage();
          List<EventMessage.EventsCase> kinds = perJob.get(Events.jobId(message));
          if (kinds != null) {
            kinds.add(message.getEventsCase());
          }
        }
      } catch (StatusRuntimeException e) {
        // deadline: the caller's assertions show what was missing
      }
      return perJob;
    });
  }

  /** Watches the job set until {@code jobId} has an event of {@code kind}; fails when the deadline passes first. */
  public EventMessage awaitEvent(String queue, String jobSet, String jobId, EventMessage.EventsCase kind,
      int deadlineSeconds) {
    return watch(queue, jobSet, deadlineSeconds, stream -> {
      try {
        while (stream.hasNext()) {
          EventMessage message = stream.next().getMessage();
          if (message.getEventsCase() == kind && jobId.equals(Events.jobId(message))) {
            return message;
          }
        }
      } catch (StatusRuntimeException e) {
        throw new AssertionError("no " + kind + " event for job " + jobId + ": " + e.getStatus(), e);
      }
      throw new AssertionError("event stream ended without " + kind + " for job " + jobId);
    });
  }

  /** Runs {@code reader} on a watch stream that is cancelled once the reader returns. */
  private <T> T watch(String queue, String jobSet, int deadlineSeconds, Function<Iterator<EventStreamMessage>, T> reader) {
    Context.CancellableContext context = Context.current().withCancellation();
    Context previous = context.attach();
    try {
      return reader.apply(events.withDeadlineAfter(deadlineSeconds, TimeUnit.SECONDS)
          .getJobSetEvents(JobSetRequest.newBuilder().setQueue(queue).setId(jobSet).setWatch(true).build()));
    } finally {
      context.detach(previous);
      context.cancel(null);
    }
  }

  private static boolean allDone(Map<String, List<EventMessage.EventsCase>> perJob) {
    return perJob.values().stream().allMatch(kinds -> kinds.stream().anyMatch(TERMINAL::contains));
  }

  public void close() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
