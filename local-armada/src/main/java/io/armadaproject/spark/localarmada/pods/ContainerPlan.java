package io.armadaproject.spark.localarmada.pods;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A container ready to start as a local process.
 *
 * @param name container name
 * @param init true for init containers (including sidecars)
 * @param sidecar true for native sidecars ({@code restartPolicy: Always} init containers)
 * @param command the full argv: command (or image entrypoint) followed by args, paths mapped
 * @param env the complete process environment
 * @param workingDir the process's working directory (exists)
 * @param logFile where stdout and stderr go
 */
public record ContainerPlan(String name, boolean init, boolean sidecar, List<String> command, Map<String, String> env,
    Path workingDir, Path logFile) {}
