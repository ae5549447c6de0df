package io.armadaproject.spark.localarmada.pods;

/** Receives a pod's progress; calls for one pod come from its own thread, in this order. */
public interface PodListener {

  /** The pod has its address and host names and is about to start containers. */
  void podPending(String jobId, PodInfo pod);

  /** All main containers have been started. */
  void podRunning(String jobId, PodInfo pod);

  /** The pod is gone: all its processes ended, its address and host names were released. */
  void podFinished(String jobId, PodOutcome outcome);
}
