package io.armadaproject.spark.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input fails before anything is submitted: clear message, non-zero exit, Armada untouched. */
class BadSubmissionIT {
  @TempDir static Path tmp;
  private static LocalArmadaProcess armada;

  @BeforeAll
  static void startArmada() throws Exception {
    armada = LocalArmadaProcess.start(tmp, "e2e");
  }

  @AfterAll
  static void stopArmada() throws Exception {
    armada.close();
  }

  static Stream<Arguments> badSubmissions() {
    return Stream.of(
        Arguments.of("malformed master without port", "armada://nohost", null, null,
            List.of("armada://nohost", "armada://<host>:<port>")),
        Arguments.of("malformed master with a word for port", "armada://h:notaport", null, null,
            List.of("armada://h:notaport", "armada://<host>:<port>")),
        Arguments.of("malformed master with a port out of range", "armada://h:99999", null, null,
            List.of("armada://h:99999", "armada://<host>:<port>")),
        Arguments.of("missing queue", "LOCAL", "spark.armada.queue", null, List.of("spark.armada.queue", "Fix:")),
        Arguments.of("missing image", "LOCAL", "spark.armada.container.image", null,
            List.of("spark.armada.container.image", "Fix:")),
        Arguments.of("bad health timeout", "LOCAL", null, "spark.armada.health.checkTimeout=soon",
            List.of("spark.armada.health.checkTimeout=\"soon\"", "Fix:")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSubmissions")
  void failsBeforeSubmitting(String name, String master, String omit, String extra, List<String> expected) throws Exception {
    String jobSet = "bad-" + System.nanoTime();
    List<String> args = submission("LOCAL".equals(master) ? armada.master() : master, jobSet, omit, extra);
    ProcessResult r = SparkSubmitRun.run(120, args);
    assertThat(r.exitCode).as(r.toString()).isNotZero();
    for (String text : expected) {
      assertThat(r.output).as(r.toString()).contains(text);
    }
    assertThat(armada.jobSetEvents("e2e", jobSet)).as("events of job set " + jobSet).isEmpty();
    assertThat(armada.stats().getSubmitJobsCalls()).as("SubmitJobs calls local-armada received").isZero();
  }

  @Test
  void refusedConnectionNamesTheUrlAndGivesUpInTime() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    ProcessResult r = SparkSubmitRun.run(120, submission("armada://127.0.0.1:" + port, "x", null,
        "spark.armada.health.checkTimeout=5s"));
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
      ProcessResult r = SparkSubmitRun.run(120, submission(url, "x", null, "spark.armada.health.checkTimeout=5s"));
      long waited = r.millisAfterLine("Armada selected as cluster manager");
      System.out.println("silent Armada: gave up " + waited + " ms after starting the health check (timeout 5 s)");
      assertThat(r.exitCode).isNotZero();
      assertThat(r.output).contains(url).contains("spark.armada.health.checkTimeout");
      assertThat(waited).as(r.toString()).isLessThan(7_000);
    }
  }

  private static List<String> submission(String master, String jobSet, String omit, String extra) {
    List<String> args = new ArrayList<>(List.of("--master", master, "--deploy-mode", "cluster",
        "--class", "org.apache.spark.examples.SparkPi", "--conf", "spark.armada.jobSetId=" + jobSet));
    addUnless(args, omit, "spark.armada.queue", "e2e");
    addUnless(args, omit, "spark.armada.container.image", "armada-spark");
    if (extra != null) {
      args.add("--conf");
      args.add(extra);
    }
    args.add(Repo.examplesJarUri());
    return args;
  }

  private static void addUnless(List<String> args, String omit, String key, String value) {
    if (!key.equals(omit)) {
      args.add("--conf");
      args.add(key + "=" + value);
    }
  }
}
