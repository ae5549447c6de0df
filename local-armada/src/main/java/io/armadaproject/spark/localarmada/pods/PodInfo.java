package io.armadaproject.spark.localarmada.pods;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a job's pod lives: name, Kubernetes uid, loopback address, log directory, and the service names
 * that resolve to it.
 */
public record PodInfo(String podName, String uid, String namespace, String ip, Path logDir, List<String> serviceNames) {}
