package io.armadaproject.spark.localarmada;

import io.armadaproject.spark.localarmada.grpc.GrpcEndpoint;
import io.armadaproject.spark.localarmada.grpc.ServerTls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running local-armada: the {@link LocalArmadaStack} served on a TCP port. */
public final class LocalArmadaServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalArmadaServer.class);

  private final LocalArmadaOptions options;
  private final LocalArmadaStack stack;
  private final ServerTls tls;
  private final int port;
  private GrpcEndpoint endpoint;
  private boolean closed;

  private LocalArmadaServer(LocalArmadaOptions options, LocalArmadaStack stack, GrpcEndpoint endpoint, ServerTls tls) {
    this.options = options;
    this.stack = stack;
    this.endpoint = endpoint;
    this.tls = tls;
    this.port = endpoint.port();
  }

  /**
   * Reads the TLS files (when given), assembles the stack, binds the port and writes the port file. TLS files
   * that cannot be used fail here, before anything starts, with a message naming the file.
   */
  public static LocalArmadaServer start(LocalArmadaOptions options) throws IOException {
    ServerTls tls = options.tls() ? ServerTls.load(options.tlsCert(), options.tlsKey()) : null;
    LocalArmadaStack stack = LocalArmadaStack.assemble(options);
    GrpcEndpoint endpoint;
    try {
      endpoint = GrpcEndpoint.start(options.bind(), options.port(), tls, stack.services());
    } catch (IOException e) {
      closeQuietly(stack);
      throw new IOException("cannot listen on " + options.bind() + ":" + options.port() + ": " + e.getMessage(), e);
    }
    if (tls != null) {
      LOG.info("serving TLS only, certificate {}", options.tlsCert().toAbsolutePath());
    }
    if (options.portFile() != null) {
      writeAtomically(options.portFile(), Integer.toString(endpoint.port()));
    }
    LocalArmadaServer server = new LocalArmadaServer(options, stack, endpoint, tls);
    stack.servingControl().bind(server::outage);
    return server;
  }

  public int port() {
    return port;
  }

  /**
   * An Armada outage: closes the gRPC port (ending every call and stream), keeps jobs, events and
   * pods as they are, and serves again on the same port after {@code duration}.
   */
  public void outage(Duration duration) {
    Thread thread = new Thread(() -> {
      try {
        synchronized (this) {
          if (closed) {
            return;
          }
          LOG.info("outage: the gRPC port closes for {} s", duration.getSeconds());
          stack.dropEventStreams();
          endpoint.stop();
        }
        Thread.sleep(duration.toMillis());
        synchronized (this) {
          if (!closed) {
            endpoint = GrpcEndpoint.start(options.bind(), port, tls, stack.services());
            LOG.info("outage over: serving again on port {}", port);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (IOException e) {
        LOG.error("could not serve again on port {} after the outage: {}", port, e.getMessage());
      }
    }, "outage");
    thread.setDaemon(true);
    thread.start();
  }

  public String bindAddress() {
    return options.bind();
  }

  /** True when the port serves TLS only. */
  public boolean tls() {
    return options.tls();
  }

  public Path hostsFile() {
    return stack.hostsFile();
  }

  /** Stops serving, then stops every pod and the scheduler. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    LOG.info("local-armada stopping");
    try {
      stack.endEventStreams();
      endpoint.stop();
      stack.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.info("local-armada stopped");
  }

  private static void closeQuietly(LocalArmadaStack stack) {
    try {
      stack.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void writeAtomically(Path file, String content) throws IOException {
    Path absolute = file.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    Path temp = Files.createTempFile(absolute.getParent(), ".port", ".tmp");
    Files.writeString(temp, content + "\n", StandardCharsets.UTF_8);
    Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
