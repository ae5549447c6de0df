package io.armadaproject.spark.localarmada;

import io.armadaproject.spark.localarmada.util.Quantities;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Command-line options of local-armada.
 *
 * @param port gRPC port, 0 = any free port
 * @param portFile where to write the bound port once listening, or null
 * @param bind address to listen on
 * @param workDir holds logs/, pods/, images/ and the hosts file
 * @param images container image name to local image directory mappings
 * @param queues queues that exist at start
 * @param cpuMillis cpu capacity in millicores
 * @param memoryBytes memory capacity in bytes
 * @param token bearer token every call must carry, or null for no authentication
 * @param tlsCert PEM certificate chain to serve TLS with, or null for plaintext (set together with tlsKey)
 * @param tlsKey PKCS#8 PEM private key of tlsCert, or null for plaintext (set together with tlsCert)
 */
public record LocalArmadaOptions(int port, Path portFile, String bind, Path workDir, List<ImageMapping> images,
    List<String> queues, long cpuMillis, long memoryBytes, String token, Path tlsCert, Path tlsKey,
    Set<String> simulatedImages) {

  public LocalArmadaOptions {
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new IllegalArgumentException("tlsCert and tlsKey must both be set or both be null");
    }
  }

  /** True when the gRPC port serves TLS only. */
  public boolean tls() {
    return tlsCert != null;
  }

  /** {@code --image NAME=DIR}. */
  public record ImageMapping(String name, Path directory) {}

  /** A command line that cannot be used; the message says why. */
  public static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  public static final String USAGE = String.join("\n",
      "usage: local-armada [options]",
      "",
      "A single-process Armada: serves Armada's gRPC API (api.Submit, api.QueueService, api.Event) plus",
      "localarmada.Admin, and runs each leased job's pod as local processes.",
      "",
      "options:",
      "  --port N           gRPC port to listen on (default 50051; 0 = any free port)",
      "  --port-file F      write the bound port to file F once listening",
      "  --bind ADDR        address to listen on (default 127.0.0.1)",
      "  --work-dir DIR     working directory holding logs/, pods/, images/ and the hosts file",
      "                     (default ./local-armada-work)",
      "  --image NAME=DIR   run containers of image NAME from local image directory DIR (repeatable).",
      "                     NAME without a tag matches every tag; NAME:TAG matches only that tag.",
      "                     DIR/image.properties: entrypoint, cmd, workdir, rootDirs, env.NAME=value, path",
      "  --simulate-image NAME  pods whose containers all use image NAME run no process: they go",
      "                     pending and running at once and stay running until cancelled, preempted",
      "                     or failed (for scale tests; repeatable)",
      "  --queue NAME       a queue that exists at start (repeatable; default: one queue \"default\")",
      "  --cores Q          cpu capacity as a Kubernetes quantity (default 32)",
      "  --memory Q         memory capacity as a Kubernetes quantity (default 64Gi)",
      "  --token T          require gRPC metadata \"authorization: Bearer T\" on every call",
      "  --tls-cert FILE    serve TLS only (clients use armada+tls://), presenting the PEM certificate",
      "                     chain in FILE, leaf first; needs --tls-key",
      "  --tls-key FILE     the private key of --tls-cert's certificate as unencrypted PKCS#8 PEM",
      "                     (-----BEGIN PRIVATE KEY-----); needs --tls-cert",
      "  -h, --help         print this help and exit",
      "",
      "Prints \"local-armada listening on <bind>:<port>\" on stdout once serving, followed by \" (TLS)\" with",
      "--tls-cert; logs go to stderr; container output goes to <work-dir>/logs/<jobId>/<container>.log.",
      "");

  private static final Set<String> OPTIONS = Set.of("--port", "--port-file", "--bind", "--work-dir", "--image",
      "--queue", "--cores", "--memory", "--token", "--tls-cert", "--tls-key", "--simulate-image");

  /** Parses {@code args} (options as {@code --name value} or {@code --name=value}). */
  public static LocalArmadaOptions parse(String... args) throws UsageException {
    int port = 50051;
    Path portFile = null;
    String bind = "127.0.0.1";
    Path workDir = Path.of("local-armada-work");
    List<ImageMapping> images = new ArrayList<>();
    List<String> queues = new ArrayList<>();
    Set<String> simulated = new java.util.LinkedHashSet<>();
    long cpuMillis = Quantities.toMillis("32");
    long memoryBytes = Quantities.toBytes("64Gi");
    String token = null;
    Path tlsCert = null;
    Path tlsKey = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new UsageException("unexpected argument \"" + arg + "\"");
      }
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      if (!OPTIONS.contains(name)) {
        throw new UsageException("unknown option " + name);
      }
      String value;
      if (arg.contains("=")) {
        value = arg.substring(arg.indexOf('=') + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new UsageException("option " + name + " needs a value");
      }
      switch (name) {
        case "--port":
          port = parsePort(value);
          break;
        case "--port-file":
          portFile = Path.of(value);
          break;
        case "--bind":
          bind = nonEmpty(name, value);
          break;
        case "--work-dir":
          workDir = Path.of(nonEmpty(name, value));
          break;
        case "--image":
          images.add(parseImage(value));
          break;
        case "--queue":
          queues.add(nonEmpty(name, value));
          break;
        case "--simulate-image":
          simulated.add(nonEmpty(name, value));
          break;
        case "--cores":
          cpuMillis = positiveQuantity(name, value, true);
          break;
        case "--memory":
          memoryBytes = positiveQuantity(name, value, false);
          break;
        case "--token":
          token = nonEmpty(name, value);
          break;
        case "--tls-cert":
          tlsCert = Path.of(nonEmpty(name, value));
          break;
        case "--tls-key":
          tlsKey = Path.of(nonEmpty(name, value));
          break;
        default:
          throw new IllegalStateException("option " + name + " is listed but not handled");
      }
    }
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new UsageException("--tls-cert and --tls-key must be given together (got only "
          + (tlsCert != null ? "--tls-cert" : "--tls-key") + ")");
    }
    if (queues.isEmpty()) {
      queues.add("default");
    }
    return new LocalArmadaOptions(port, portFile, bind, workDir, List.copyOf(images), List.copyOf(queues), cpuMillis,
        memoryBytes, token, tlsCert, tlsKey, Set.copyOf(simulated));
  }

  private static int parsePort(String value) throws UsageException {
    try {
      int port = Integer.parseInt(value);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException("--port must be a number from 0 to 65535, got \"" + value + "\"");
  }

  private static ImageMapping parseImage(String value) throws UsageException {
    int equals = value.indexOf('=');
    if (equals <= 0 || equals == value.length() - 1) {
      throw new UsageException("--image must be NAME=DIR, got \"" + value + "\"");
    }
    return new ImageMapping(value.substring(0, equals), Path.of(value.substring(equals + 1)));
  }

  private static long positiveQuantity(String name, String value, boolean cpu) throws UsageException {
    try {
      long amount = cpu ? Quantities.toMillis(value) : Quantities.toBytes(value);
      if (amount > 0) {
        return amount;
      }
    } catch (IllegalArgumentException | ArithmeticException e) {
      // reported below
    }
    throw new UsageException(name + " must be a positive Kubernetes quantity (e.g. " + (cpu ? "8 or 500m" : "16Gi")
        + "), got \"" + value + "\"");
  }

  private static String nonEmpty(String name, String value) throws UsageException {
    if (value.isEmpty()) {
      throw new UsageException(name + " must not be empty");
    }
    return value;
  }
}
