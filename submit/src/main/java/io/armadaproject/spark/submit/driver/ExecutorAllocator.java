package io.armadaproject.spark.submit.driver;

import io.armadaproject.spark.api.JobSubmitRequestItem;
import io.armadaproject.spark.submit.cluster.ExecutorItems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the number of executor jobs at the target Spark gives (static: spark.executor.instances;
 * dynamic allocation: whatever Spark asks for). Every change of target or loss of an executor wakes
 * it; it asks Armada for the whole gap in one SubmitJobs call (capped by the pending limit). Lost
 * executors are replaced; failures count toward spark.executor.maxNumFailures, preemptions do not.
 */
public final class ExecutorAllocator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ExecutorAllocator.class);
  private static final long MAX_BACKOFF_MILLIS = 30_000;

  /** Sends executor jobs to Armada; returns their job ids in order. */
  public interface Submitter {
    List<String> submit(List<JobSubmitRequestItem> items);
  }

  /** Cancels an executor's Armada job (known by executor id); false when its job is not known yet. */
  public interface Canceller {
    boolean cancel(int executorId, String reason);
  }

  private final JobSubmitRequestItem prototype;
  private final String appId;
  private final String driverJobId;
  private final int maxFailures;
  private final int maxPending;
  private final Submitter submitter;
  private final Consumer<String> failApplication;
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "armada-executor-allocator");
    t.setDaemon(true);
    return t;
  });
  /** Executors asked of Armada that have not ended, by executor id. */
  private final Set<Integer> alive = ConcurrentHashMap.newKeySet();
  /** Executors Spark released (scale-down, kill): their end is neither a loss nor a failure. */
  private final Set<Integer> released = ConcurrentHashMap.newKeySet();
  private final Map<Integer, String> failures = new LinkedHashMap<>();
  private final Stats stats = new Stats();
  private volatile int target;
  private volatile boolean closed;
  private int nextId;
  private List<Integer> retrying = new ArrayList<>();
  private long backoffMillis = 500;
  private final Set<Integer> running = ConcurrentHashMap.newKeySet();
  /** When each executor not yet running was asked for. */
  private final Map<Integer, Long> waitingSince = new ConcurrentHashMap<>();
  private Canceller canceller = (id, reason) -> false;
  private long pendingTimeoutNanos;
  private volatile int consecutiveTimeouts;
  private int batchSize = Integer.MAX_VALUE;

  /** What the allocator did, for logs and the scale benchmark. */
  public static final class Stats {
    public volatile long submitCalls;
    public volatile long executorsRequested;
    public volatile long lastDemandNanos;
    public volatile long lastSubmitNanos;
    /** From the last demand change to the start of the SubmitJobs call that answered it. */
    public volatile long demandToSubmitNanos;
    /** Executors cancelled because they did not run in time. */
    public volatile long pendingTimeouts;
  }

  /**
   * @param initialExecutors executors 1..n were submitted with the driver and are alive already
   */
  public ExecutorAllocator(JobSubmitRequestItem prototype, String appId, String driverJobId, int initialExecutors,
      int maxFailures, int maxPending, Submitter submitter, Consumer<String> failApplication) {
    this.prototype = ExecutorItems.withoutGang(prototype);
    this.appId = appId;
    this.driverJobId = driverJobId;
    this.maxFailures = maxFailures;
    this.maxPending = maxPending;
    this.submitter = submitter;
    this.failApplication = failApplication;
    for (int id = 1; id <= initialExecutors; id++) {
      alive.add(id);
      waitingSince.put(id, System.nanoTime());
    }
    this.target = initialExecutors;
    this.nextId = initialExecutors + 1;
  }

  /**
   * Executors not running {@code timeout} after they were asked for are cancelled and asked for
   * again, after a back-off that doubles with each consecutive timeout (1 s up to 30 s).
   */
  public ExecutorAllocator withPendingTimeout(java.time.Duration timeout, Canceller cancel) {
    if (!timeout.isZero()) {
      this.canceller = cancel;
      this.pendingTimeoutNanos = timeout.toNanos();
      long period = Math.max(100, timeout.toMillis() / 4);
      thread.scheduleWithFixedDelay(this::cancelStuck, period, period, TimeUnit.MILLISECONDS);
    }
    return this;
  }

  /**
   * At most {@code batchSize} executors per SubmitJobs call (the rest follow at once in further
   * calls), and a re-check of the gap every {@code checkInterval} besides the event-driven ones.
   */
  public ExecutorAllocator withBatches(int batchSize, java.time.Duration checkInterval) {
    this.batchSize = Math.max(1, batchSize);
    long millis = Math.max(1, checkInterval.toMillis());
    thread.scheduleWithFixedDelay(this::allocate, millis, millis, TimeUnit.MILLISECONDS);
    return this;
  }

  /** Spark's new executor target: the allocator closes the gap at once. */
  public void setTarget(int total) {
    stats.lastDemandNanos = System.nanoTime();
    target = total;
    wake();
  }

  public int target() {
    return target;
  }

  /** Spark has released these executors (it cancels their jobs): do not replace them. */
  public void released(List<Integer> executorIds) {
    released.addAll(executorIds);
  }

  public void running(int executorId) {
    running.add(executorId);
    waitingSince.remove(executorId);
    consecutiveTimeouts = 0;
  }

  /** An executor job ended (applied once per job). Replaces it unless Spark released it. */
  public void ended(int executorId, String reason, boolean failed, boolean preempted) {
    alive.remove(executorId);
    running.remove(executorId);
    waitingSince.remove(executorId);
    if (released.remove(executorId) || closed) {
      return;
    }
    if (failed && !preempted) {
      String message;
      synchronized (failures) {
        failures.put(executorId, reason);
        if (failures.size() <= maxFailures) {
          LOG.warn("Executor {} failed ({} of at most {} failures): {}", executorId, failures.size(), maxFailures, reason);
          wake();
          return;
        }
        message = failureMessage();
      }
      closed = true;
      failApplication.accept(message);
      return;
    }
    LOG.info("Executor {} ended ({}); it is replaced{}", executorId, reason,
        preempted ? " and, being preempted, not counted as a failure" : "");
    wake();
  }

  public int failureCount() {
    synchronized (failures) {
      return failures.size();
    }
  }

  public int aliveCount() {
    return alive.size();
  }

  public Stats stats() {
    return stats;
  }

  private String failureMessage() {
    StringBuilder sb = new StringBuilder("Stopping the application: " + failures.size()
        + " executor failures, more than spark.executor.maxNumFailures=" + maxFailures + ":");
    failures.forEach((id, reason) -> sb.append("\n  executor ").append(id).append(": ").append(reason));
    return sb.toString();
  }

  private void wake() {
    if (!closed) {
      try {
        thread.execute(this::allocate);
      } catch (java.util.concurrent.RejectedExecutionException stopping) {
        // closed meanwhile
      }
    }
  }

  /** Runs on the allocator thread: cancels executors stuck unscheduled or pending, asks again later. */
  private void cancelStuck() {
    long now = System.nanoTime();
    for (Map.Entry<Integer, Long> e : waitingSince.entrySet()) {
      int id = e.getKey();
      if (closed || now - e.getValue() < pendingTimeoutNanos || !alive.contains(id)) {
        continue;
      }
      released.add(id);
      if (!canceller.cancel(id, "Executor not running in time")) {
        released.remove(id);
        continue;
      }
      waitingSince.remove(id);
      alive.remove(id);
      consecutiveTimeouts++;
      long backoff = Math.min(MAX_BACKOFF_MILLIS, 1000L << Math.min(consecutiveTimeouts - 1, 5));
      LOG.warn("Executor {} was not running {} s after it was asked for; cancelled, asking again in {} ms", id,
          TimeUnit.NANOSECONDS.toSeconds(pendingTimeoutNanos), backoff);
      stats.pendingTimeouts++;
      thread.schedule(this::allocate, backoff, TimeUnit.MILLISECONDS);
    }
  }

  /** Runs on the allocator thread only. */
  private void allocate() {
    if (closed) {
      return;
    }
    List<Integer> ids = retrying;
    if (ids.isEmpty()) {
      int gap = target - alive.size();
      int pending = alive.size() - running.size();
      int batch = Math.min(Math.min(gap, maxPending - pending), batchSize);
      for (int i = 0; i < batch; i++) {
        ids.add(nextId++);
      }
    }
    if (ids.isEmpty()) {
      return;
    }
    List<JobSubmitRequestItem> items = new ArrayList<>();
    for (int id : ids) {
      items.add(ExecutorItems.forExecutor(prototype, appId, driverJobId, id));
    }
    try {
      alive.addAll(ids);
      long now = System.nanoTime();
      ids.forEach(id -> waitingSince.put(id, now));
      if (stats.lastSubmitNanos < stats.lastDemandNanos) { // the first call answering this demand
        stats.demandToSubmitNanos = System.nanoTime() - stats.lastDemandNanos;
      }
      submitter.submit(items); // same client ids on a retry: Armada creates no duplicates
      stats.submitCalls++;
      stats.executorsRequested += ids.size();
      stats.lastSubmitNanos = System.nanoTime();
      LOG.info("Asked Armada for executors {} (target {})", ids, target);
      retrying = new ArrayList<>();
      backoffMillis = 500;
      if (target > alive.size()) {
        wake();
      }
    } catch (RuntimeException e) {
      alive.removeAll(ids);
      ids.forEach(waitingSince::remove);
      retrying = ids;
      LOG.warn("Could not submit executors {} ({}); retrying in {} ms", ids, e.getMessage(), backoffMillis);
      thread.schedule(this::allocate, backoffMillis, TimeUnit.MILLISECONDS);
      backoffMillis = Math.min(MAX_BACKOFF_MILLIS, backoffMillis * 2);
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.shutdownNow();
  }
}
