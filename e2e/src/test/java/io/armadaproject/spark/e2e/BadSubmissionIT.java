package io.armadaproject.spark.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An unreachable or silent Armada: the submission names the URL and gives up within the health timeout. */
class BadSubmissionIT {
  @Test
  void refusedConnectionNamesTheUrlAndGivesUpInTime() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    ProcessResult r = SparkSubmitRun.run(120, submission("armada://127.0.0.1:" + port, "spark.armada.health.checkTimeout=5s"));
    assertThat(r.exitCode).isNotZero();
    assertThat(r.output).contains("armada://127.0.0.1:" + port);
    assertThat(r.millisAfterLine("Armada selected as cluster manager")).as(r.toString()).isLessThan(7_000);
  }

  @Test
  void silentServerTimesOutWithinTheHealthTimeoutPlusTwoSeconds() throws Exception {
    try (ServerSocket silent = new ServerSocket(0)) {
      List<Socket> accepted = new ArrayList<>();
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            accepted.add(silent.accept()); // accept, never answer
          }
        } catch (IOException closed) {
          // the test is over
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      String url = "armada://127.0.0.1:" + silent.getLocalPort();
      ProcessResult r = SparkSubmitRun.run(120, submission(url, "spark.armada.health.checkTimeout=5s"));
      long waited = r.millisAfterLine("Armada selected as cluster manager");
      System.out.println("silent Armada: gave up " + waited + " ms after starting the health check (timeout 5 s)");
      assertThat(r.exitCode).isNotZero();
      assertThat(r.output).contains(url).contains("spark.armada.health.checkTimeout");
      assertThat(waited).as(r.toString()).isLessThan(7_000);
    }
  }

  private static List<String> submission(String master, String extra) {
    return List.of("--master", master, "--deploy-mode", "cluster",
        "--class", "org.apache.spark.examples.SparkPi", "--conf", "spark.armada.jobSetId=x",
        "--conf", "spark.armada.queue=e2e", "--conf", "spark.armada.container.image=armada-spark",
        "--conf", extra, Repo.examplesJarUri());
  }
}
