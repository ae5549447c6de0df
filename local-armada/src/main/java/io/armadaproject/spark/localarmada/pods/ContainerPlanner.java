package io.armadaproject.spark.localarmada.pods;

import io.armadaproject.spark.k8s.core.v1.Container;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a pod's containers into {@link ContainerPlan}s: picks the local image, resolves the environment,
 * expands and path-maps command, args, env values and working dir.
 *
 * <p>Process environment, later entries winning: {@code PATH} (image path first, then local-armada's PATH),
 * {@code JAVA_HOME} and {@code HOSTNAME}; the image env; the container env; finally
 * {@code JAVA_TOOL_OPTIONS} gains {@code -Djdk.net.hosts.file=<hosts file>} and {@code LOCAL_ARMADA_HOSTS_FILE}
 * names that file. Nothing else of local-armada's environment reaches the container.
 */
public final class ContainerPlanner {

  private final ImageRegistry images;
  private final Path hostsFile;
  private final Map<String, String> hostEnv;
  private final Path podsDir;
  private final Path logsDir;

  /**
   * @param hostEnv the part of local-armada's environment containers inherit (PATH, JAVA_HOME)
   */
  public ContainerPlanner(ImageRegistry images, Path hostsFile, Map<String, String> hostEnv, Path podsDir, Path logsDir) {
    this.images = images;
    this.hostsFile = hostsFile.toAbsolutePath();
    this.hostEnv = Map.copyOf(hostEnv);
    this.podsDir = podsDir;
    this.logsDir = logsDir;
  }

  public Path logDir(String jobId) {
    return logsDir.resolve(jobId).toAbsolutePath();
  }

  /** Init containers (in order) then main containers. */
  public List<ContainerPlan> plan(PodContext pod) throws PodSetupException {
    List<ContainerPlan> plans = new ArrayList<>();
    for (Container init : pod.request().podSpec().getInitContainersList()) {
      plans.add(plan(init, true, pod));
    }
    for (Container container : pod.request().podSpec().getContainersList()) {
      plans.add(plan(container, false, pod));
    }
    return plans;
  }

  ContainerPlan plan(Container container, boolean init, PodContext pod) throws PodSetupException {
    LocalImage image = images.resolve(container.getImage())
        .orElseThrow(() -> new PodSetupException(ImageRegistry.unavailableReason(container.getImage())));
    ImagePathMapper mapper = image.mapper();
    Map<String, String> containerEnv = ContainerEnvResolver.resolve(container, pod);
    List<String> command = argv(container, image, containerEnv);
    if (command.isEmpty()) {
      throw new PodSetupException("container " + container.getName() + " has no command and image "
          + container.getImage() + " has no entrypoint");
    }
    Map<String, String> env = new LinkedHashMap<>();
    List<String> path = new ArrayList<>(image.pathPrefix());
    if (hostEnv.containsKey("PATH")) {
      path.add(hostEnv.get("PATH"));
    }
    env.put("PATH", String.join(":", path));
    if (hostEnv.containsKey("JAVA_HOME")) {
      env.put("JAVA_HOME", hostEnv.get("JAVA_HOME"));
    }
    env.put("HOSTNAME", pod.podName());
    env.putAll(image.env());
    containerEnv.forEach((name, value) -> env.put(name, mapper.map(value)));
    String hostsOption = "-Djdk.net.hosts.file=" + hostsFile;
    String toolOptions = env.get("JAVA_TOOL_OPTIONS");
    env.put("JAVA_TOOL_OPTIONS", toolOptions == null || toolOptions.isBlank() ? hostsOption : toolOptions + " " + hostsOption);
    env.put("LOCAL_ARMADA_HOSTS_FILE", hostsFile.toString());
    try {
      Path workingDir = container.getWorkingDir().isEmpty()
          ? podsDir.resolve(pod.request().jobId()).resolve(container.getName())
          : Path.of(mapper.map(container.getWorkingDir()));
      Files.createDirectories(workingDir);
      Path logDir = logDir(pod.request().jobId());
      Files.createDirectories(logDir);
      return new ContainerPlan(container.getName(), init, init && ContainerKinds.isSidecar(container), command, env,
          workingDir.toAbsolutePath(), logDir.resolve(container.getName() + ".log"));
    } catch (IOException e) {
      throw new PodSetupException("cannot prepare directories for container " + container.getName() + ": " + e);
    }
  }

  /**
   * Kubernetes semantics: {@code command} replaces the ENTRYPOINT and then only {@code args} follow; without a
   * command the ENTRYPOINT runs with {@code args}, or with the image CMD when there are no args. Words from the
   * pod spec are {@code $(VAR)}-expanded and path-mapped; the image's words are mapped already.
   */
  private static List<String> argv(Container container, LocalImage image, Map<String, String> env) {
    List<String> argv = new ArrayList<>();
    if (container.getCommandCount() > 0) {
      argv.addAll(fromSpec(container.getCommandList(), image, env));
      argv.addAll(fromSpec(container.getArgsList(), image, env));
      return argv;
    }
    argv.addAll(image.entrypoint());
    argv.addAll(container.getArgsCount() > 0 ? fromSpec(container.getArgsList(), image, env) : image.cmd());
    return argv;
  }

  private static List<String> fromSpec(List<String> words, LocalImage image, Map<String, String> env) {
    return words.stream().map(word -> image.mapper().map(VarExpander.expand(word, env::get))).toList();
  }
}
