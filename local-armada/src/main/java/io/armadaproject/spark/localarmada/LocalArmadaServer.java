package io.armadaproject.spark.localarmada;

import io.armadaproject.spark.localarmada.grpc.GrpcEndpoint;
import io.armadaproject.spark.localarmada.grpc.ServerTls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running local-armada: the {@link LocalArmadaStack} served on a TCP port. */
public final class LocalArmadaServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalArmadaServer.class);

  private final LocalArmadaOptions options;
  private final LocalArmadaStack stack;
  private final GrpcEndpoint endpoint;
  private boolean closed;

  private LocalArmadaServer(LocalArmadaOptions options, LocalArmadaStack stack, GrpcEndpoint endpoint) {
    this.options = options;
    this.stack = stack;
    this.endpoint = endpoint;
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
    return new LocalArmadaServer(options, stack, endpoint);
  }

  public int port() {
    return endpoint.port();
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
