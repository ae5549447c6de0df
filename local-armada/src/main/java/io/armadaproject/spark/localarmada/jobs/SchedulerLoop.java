package io.armadaproject.spark.localarmada.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The scheduler thread: sleeps until woken (submission, job end, queue change) and runs a scheduling pass. */
public final class SchedulerLoop implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SchedulerLoop.class);

  private final JobController controller;
  private final Thread thread;
  private boolean wanted;
  private boolean closed;

  public SchedulerLoop(JobController controller) {
    this.controller = controller;
    this.thread = new Thread(this::loop, "scheduler");
    this.thread.setDaemon(true);
    controller.onSchedulingChange(this::wake);
  }

  public void start() {
    thread.start();
  }

  public synchronized void wake() {
    wanted = true;
    notifyAll();
  }

  private void loop() {
    while (awaitWork()) {
      try {
        controller.scheduleOnce();
      } catch (RuntimeException e) {
        LOG.error("scheduling pass failed", e);
      }
    }
  }

  private synchronized boolean awaitWork() {
    while (!wanted && !closed) {
      try {
        wait();
      } catch (InterruptedException e) {
        return false;
      }
    }
    wanted = false;
    return !closed;
  }

  @Override
  public void close() throws InterruptedException {
    synchronized (this) {
      closed = true;
      notifyAll();
    }
    thread.join();
  }
}
