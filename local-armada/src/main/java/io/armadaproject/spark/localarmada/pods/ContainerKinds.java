package io.armadaproject.spark.localarmada.pods;

import io.armadaproject.spark.k8s.core.v1.Container;

/** Kubernetes container roles. */
final class ContainerKinds {

  private ContainerKinds() {}

  /** An init container with {@code restartPolicy: Always} is a native sidecar: it keeps running. */
  static boolean isSidecar(Container init) {
    return "Always".equals(init.getRestartPolicy());
  }
}
