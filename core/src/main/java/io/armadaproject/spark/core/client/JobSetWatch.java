package io.armadaproject.spark.core.client;

import io.armadaproject.spark.api.EventGrpc;
import io.armadaproject.spark.api.EventStreamMessage;
import io.armadaproject.spark.api.JobSetRequest;
import io.grpc.Context;
import java.util.Iterator;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running watch of one job set's event stream ({@code api.Event/GetJobSetEvents}, {@code watch=true}).
 *
 * <p>A daemon thread named {@code armada-jobset-watch-<jobSetId>} streams the events and hands each one
 * to the listener exactly once, in order. When the stream fails or ends, it reconnects with
 * exponential back-off and resumes strictly after the last message id it delivered. {@link #close()}
 * cancels the call and stops the thread.
 */
public final class JobSetWatch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JobSetWatch.class);
  private static final long JOIN_MILLIS = 5_000;

  private final EventGrpc.EventBlockingStub stub;
  private final String queue;
  private final String jobSetId;
  private final JobSetEventListener listener;
  private final Backoff backoff;
  private final Consumer<JobSetWatch> onClosed;
  private final Thread thread;
  private final Object lock = new Object();

  private Context.CancellableContext currentCall; // guarded by lock
  private volatile boolean closed;
  private volatile String lastMessageId;
  private int delivered; // only touched by the watch thread

  JobSetWatch(
      EventGrpc.EventBlockingStub stub,
      String queue,
      String jobSetId,
      String fromMessageId,
      JobSetEventListener listener,
      Backoff backoff,
      Consumer<JobSetWatch> onClosed) {
    this.stub = stub;
    this.queue = queue;
    this.jobSetId = jobSetId;
    this.lastMessageId = fromMessageId == null || fromMessageId.isEmpty() ? null : fromMessageId;
    this.listener = listener;
    this.backoff = backoff;
    this.onClosed = onClosed;
    this.thread = new Thread(this::run, "armada-jobset-watch-" + jobSetId);
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Id of the last event delivered to the listener (or the starting id); null before any. */
  public String lastMessageId() {
    return lastMessageId;
  }

  public boolean isClosed() {
    return closed;
  }

  public String queue() {
    return queue;
  }

  public String jobSetId() {
    return jobSetId;
  }

  /** Cancels the stream and stops the thread, waiting up to 5 s for it. Idempotent. */
  @Override
  public void close() {
    requestClose();
    awaitStop(System.nanoTime() + JOIN_MILLIS * 1_000_000L);
  }

  void requestClose() {
    Context.CancellableContext call;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      call = currentCall;
      lock.notifyAll(); // wakes a back-off wait
    }
    if (call != null) {
      call.cancel(null);
    }
    onClosed.accept(this);
  }

  void awaitStop(long deadlineNanos) {
    if (Thread.currentThread() == thread) {
      return; // closed from inside the listener: the loop ends on its own
    }
    long millis = Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000L);
    try {
      thread.join(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      LOG.warn("Watch thread {} did not stop within {} ms (a listener may be blocked)", thread.getName(), millis);
    }
  }

  private void run() {
    int attempt = 0;
    while (!closed && !Thread.currentThread().isInterrupted()) {
      int before = delivered;
      Throwable failure;
      try {
        streamOnce();
        failure = new ArmadaClientException(
            "The event stream of job set " + jobSetId + " in queue " + queue + " ended");
      } catch (RuntimeException e) { // StatusRuntimeException mostly
        failure = e;
      }
      if (closed) {
        break;
      }
      if (delivered > before) {
        backoff.reset();
        attempt = 0;
      }
      attempt++;
      long delay = backoff.nextDelayMillis();
      LOG.debug("Event stream of job set {} failed (attempt {}), reconnecting in {} ms after message {}: {}",
          jobSetId, attempt, delay, lastMessageId, failure.toString());
      notifyStreamError(failure, attempt);
      sleep(delay);
    }
    if (!closed) {
      LOG.info("Watch thread of job set {} was interrupted: stopping the watch", jobSetId);
      requestClose();
    }
    LOG.debug("Watch of job set {} stopped after message {}", jobSetId, lastMessageId);
  }

  private void streamOnce() {
    Context.CancellableContext call;
    synchronized (lock) {
      if (closed) {
        return;
      }
      call = Context.current().withCancellation();
      currentCall = call;
    }
    Context previous = call.attach();
    try {
      Iterator<EventStreamMessage> events = stub.getJobSetEvents(request());
      while (!closed && events.hasNext()) {
        deliver(events.next());
      }
    } finally {
      call.detach(previous);
      synchronized (lock) {
        currentCall = null;
      }
      call.cancel(null);
    }
  }

  private JobSetRequest request() {
    String from = lastMessageId;
    return JobSetRequest.newBuilder()
        .setId(jobSetId)
        .setQueue(queue)
        .setWatch(true)
        .setErrorIfMissing(false)
        .setFromMessageId(from == null ? "" : from)
        .build();
  }

  private void deliver(EventStreamMessage message) {
    String id = message.getId();
    if (!id.isEmpty()) {
      if (!MessageIds.isAfter(id, lastMessageId)) {
        LOG.debug("Skipping event {} of job set {}: already delivered up to {}", id, jobSetId, lastMessageId);
        return;
      }
      lastMessageId = id;
    }
    delivered++;
    try {
      listener.onEvent(message);
    } catch (RuntimeException e) {
      LOG.warn("Listener of job set {} failed on event {}", jobSetId, id, e);
    }
  }

  private void notifyStreamError(Throwable failure, int attempt) {
    try {
      listener.onStreamError(failure, attempt);
    } catch (RuntimeException e) {
      LOG.warn("Listener of job set {} failed in onStreamError", jobSetId, e);
    }
  }

  private void sleep(long millis) {
    long end = System.nanoTime() + millis * 1_000_000L;
    synchronized (lock) {
      long left;
      while (!closed && (left = end - System.nanoTime()) > 0) {
        try {
          lock.wait(Math.max(1, left / 1_000_000L));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @Override
  public String toString() {
    return "JobSetWatch{queue=" + queue + ", jobSetId=" + jobSetId + ", lastMessageId=" + lastMessageId
        + ", closed=" + closed + "}";
  }
}
