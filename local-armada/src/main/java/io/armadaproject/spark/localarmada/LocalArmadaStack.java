package io.armadaproject.spark.localarmada;

import io.armadaproject.spark.api.Queue;
import io.armadaproject.spark.localarmada.events.EventStore;
import io.armadaproject.spark.localarmada.grpc.EventStreams;
import io.armadaproject.spark.localarmada.grpc.GrpcEndpoint;
import io.armadaproject.spark.localarmada.grpc.ServingControl;
import io.armadaproject.spark.localarmada.jobs.JobController;
import io.armadaproject.spark.localarmada.jobs.JobFactory;
import io.armadaproject.spark.localarmada.jobs.SchedulerLoop;
import io.armadaproject.spark.localarmada.pods.BuiltinImages;
import io.armadaproject.spark.localarmada.pods.ContainerPlanner;
import io.armadaproject.spark.localarmada.pods.HostsFile;
import io.armadaproject.spark.localarmada.pods.ImageRegistry;
import io.armadaproject.spark.localarmada.pods.LocalImage;
import io.armadaproject.spark.localarmada.pods.LoopbackAddressPool;
import io.armadaproject.spark.localarmada.pods.PodRuntime;
import io.armadaproject.spark.localarmada.pods.ProcessLauncher;
import io.armadaproject.spark.localarmada.queue.QueueException;
import io.armadaproject.spark.localarmada.queue.QueueRegistry;
import io.armadaproject.spark.localarmada.submit.JobDefaults;
import io.armadaproject.spark.localarmada.submit.SubmitRules;
import io.armadaproject.spark.localarmada.submit.SubmitValidator;
import io.armadaproject.spark.localarmada.util.Resources;
import io.grpc.ServerServiceDefinition;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything behind the gRPC port, wired from {@link LocalArmadaOptions}: queues, event store, job controller,
 * scheduler thread, pod runtime, and the gRPC service definitions (which any server may bind).
 */
public final class LocalArmadaStack implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalArmadaStack.class);
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

  private final List<ServerServiceDefinition> services;
  private final EventStreams streams;
  private final SchedulerLoop scheduler;
  private final PodRuntime pods;
  private final Path hostsFile;
  private final ServingControl serving;

  private LocalArmadaStack(List<ServerServiceDefinition> services, EventStreams streams, SchedulerLoop scheduler,
      PodRuntime pods, Path hostsFile, ServingControl serving) {
    this.serving = serving;
    this.services = services;
    this.streams = streams;
    this.scheduler = scheduler;
    this.pods = pods;
    this.hostsFile = hostsFile;
  }

  public static LocalArmadaStack assemble(LocalArmadaOptions options) throws IOException {
    Path workDir = options.workDir().toAbsolutePath().normalize();
    for (String dir : new String[] {"logs", "pods", "images"}) {
      Files.createDirectories(workDir.resolve(dir));
    }
    HostsFile hosts = new HostsFile(workDir.resolve("hosts"), hostname());
    ImageRegistry images = new ImageRegistry();
    BuiltinImages.install(workDir.resolve("images"), images);
    for (LocalArmadaOptions.ImageMapping mapping : options.images()) {
      images.map(mapping.name(), LocalImage.load(mapping.directory().toAbsolutePath().normalize()));
      LOG.info("image {} runs from {}", mapping.name(), mapping.directory().toAbsolutePath());
    }
    Map<String, String> hostEnv = new LinkedHashMap<>();
    String path = System.getenv("PATH");
    if (path != null) {
      hostEnv.put("PATH", path);
    }
    String javaHome = System.getenv("JAVA_HOME");
    hostEnv.put("JAVA_HOME", javaHome != null ? javaHome : System.getProperty("java.home"));
    ContainerPlanner planner = new ContainerPlanner(images, hosts.path(), hostEnv, workDir.resolve("pods"),
        workDir.resolve("logs"));
    PodRuntime pods = new PodRuntime(planner, LoopbackAddressPool.forThisProcess(), hosts, ProcessLauncher.detect(path),
        options.simulatedImages());

    QueueRegistry queues = new QueueRegistry();
    for (String name : options.queues()) {
      try {
        queues.create(Queue.newBuilder().setName(name).setPriorityFactor(1.0).build(), "anonymous");
      } catch (QueueException e) {
        throw new IllegalArgumentException("--queue " + name + ": " + e.getMessage(), e);
      }
    }
    Clock clock = Clock.systemUTC();
    EventStore store = new EventStore(clock);
    SubmitRules rules = SubmitRules.defaults();
    Resources capacity = new Resources(options.cpuMillis(), options.memoryBytes());
    JobController controller = new JobController(store, queues, new JobFactory(new JobDefaults(rules)), pods, clock,
        capacity);
    SchedulerLoop scheduler = new SchedulerLoop(controller);
    scheduler.start();
    EventStreams streams = new EventStreams(store);
    ServingControl serving = new ServingControl();
    List<ServerServiceDefinition> services = GrpcEndpoint.services(queues, new SubmitValidator(rules), controller, pods,
        store, streams, options.token(), serving);
    LOG.info("queues {}, capacity {}, work dir {}", options.queues(), capacity, workDir);
    return new LocalArmadaStack(services, streams, scheduler, pods, hosts.path(), serving);
  }

  public List<ServerServiceDefinition> services() {
    return services;
  }

  public Path hostsFile() {
    return hostsFile;
  }

  public ServingControl servingControl() {
    return serving;
  }

  /** Ends the open event streams with UNAVAILABLE; new ones can be opened at once. */
  public void dropEventStreams() {
    streams.dropAll();
  }

  /** Ends every open event stream with UNAVAILABLE (clients resume elsewhere or retry). */
  public void endEventStreams() {
    streams.shutdown();
  }

  /** Ends event streams, stops every pod (SIGTERM, then SIGKILL) and the scheduler. */
  @Override
  public void close() throws InterruptedException {
    streams.shutdown();
    pods.shutdown(SHUTDOWN_GRACE);
    scheduler.close();
  }

  private static String hostname() {
    try {
      Path proc = Path.of("/proc/sys/kernel/hostname");
      if (Files.isReadable(proc)) {
        return Files.readString(proc).trim();
      }
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
