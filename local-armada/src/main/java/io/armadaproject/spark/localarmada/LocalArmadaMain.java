package io.armadaproject.spark.localarmada;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar local-armada.jar [options]}: see {@link LocalArmadaOptions#USAGE}. */
public final class LocalArmadaMain {

  private LocalArmadaMain() {}

  public static void main(String[] args) throws Exception {
    int exitCode = run(args, System.out, System.err);
    if (exitCode != 0) {
      System.exit(exitCode);
    }
  }

  /**
   * Runs until the JVM is asked to stop; returns the exit code for help (0), a server that cannot start (1)
   * and bad command lines (2).
   */
  static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      out.print(LocalArmadaOptions.USAGE);
      out.flush();
      return 0;
    }
    LocalArmadaOptions options;
    try {
      options = LocalArmadaOptions.parse(args);
    } catch (LocalArmadaOptions.UsageException e) {
      err.println("local-armada: " + e.getMessage());
      err.println();
      err.print(LocalArmadaOptions.USAGE);
      err.flush();
      return 2;
    }
    LocalArmadaServer server;
    try {
      server = LocalArmadaServer.start(options);
    } catch (IOException | RuntimeException e) {
      err.println("local-armada: cannot start: " + e.getMessage());
      err.flush();
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "local-armada-shutdown"));
    out.println("local-armada listening on " + server.bindAddress() + ":" + server.port()
        + (server.tls() ? " (TLS)" : ""));
    out.flush();
    stopped.await();
    return 0;
  }
}
