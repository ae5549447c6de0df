package io.armadaproject.spark.localarmada.grpc;

import io.armadaproject.spark.api.EventStreamMessage;
import io.armadaproject.spark.localarmada.events.EventStore;
import io.armadaproject.spark.localarmada.events.JobSetEventLog;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Open watch streams. Each one has its own thread that blocks on its job set log until new events arrive
 * (the log wakes it), sends them, and ends when the client cancels or the streams are dropped.
 */
public final class EventStreams {

  private static final Logger LOG = LoggerFactory.getLogger(EventStreams.class);

  private final EventStore store;
  private final Set<Watch> open = ConcurrentHashMap.newKeySet();
  private final ExecutorService threads;

  public EventStreams(EventStore store) {
    this.store = store;
    AtomicInteger counter = new AtomicInteger();
    this.threads = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "event-watch-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Streams the log from {@code position} on, forever. */
  void watch(JobSetEventLog log, int position, ServerCallStreamObserver<EventStreamMessage> observer) {
    Watch watch = new Watch(log, position, observer);
    observer.setOnCancelHandler(watch::cancel);
    open.add(watch);
    threads.execute(watch);
  }

  /** Ends every open stream with UNAVAILABLE; returns how many there were. */
  public int dropAll() {
    List<Watch> dropped = List.copyOf(open);
    dropped.forEach(Watch::drop);
    store.wakeAllReaders();
    return dropped.size();
  }

  /** Ends every open stream and stops the stream threads. */
  public void shutdown() {
    dropAll();
    threads.shutdownNow();
  }

  private final class Watch implements Runnable {
    private final JobSetEventLog log;
    private final ServerCallStreamObserver<EventStreamMessage> observer;
    private int position;
    private volatile boolean cancelled;
    private volatile boolean dropped;

    Watch(JobSetEventLog log, int position, ServerCallStreamObserver<EventStreamMessage> observer) {
      this.log = log;
      this.position = position;
      this.observer = observer;
    }

    void cancel() {
      cancelled = true;
      log.wakeReaders();
    }

    void drop() {
      dropped = true;
      log.wakeReaders();
    }

    @Override
    public void run() {
      try {
        while (!cancelled && !dropped) {
          List<EventStreamMessage> batch = log.awaitFrom(position, () -> cancelled || dropped);
          for (EventStreamMessage message : batch) {
            if (cancelled) {
              return;
            }
            observer.onNext(message);
          }
          position += batch.size();
        }
        if (!cancelled) {
          observer.onError(Status.UNAVAILABLE.withDescription("event stream dropped by local-armada").asRuntimeException());
        }
      } catch (InterruptedException e) {
        if (!cancelled) {
          observer.onError(Status.UNAVAILABLE.withDescription("local-armada is stopping").asRuntimeException());
        }
      } catch (StatusRuntimeException | IllegalStateException e) {
        LOG.debug("event stream ended: {}", e.toString());
      } finally {
        open.remove(this);
      }
    }
  }
}
