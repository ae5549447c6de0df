package io.armadaproject.spark.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.armadaproject.spark.api.EventStreamMessage;
import io.armadaproject.spark.api.Job;
import io.armadaproject.spark.core.events.JobEvent;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pi on local-armada with job templates served over HTTP, and gang-scheduled: every job of the job
 * set carries what the templates say and the same gang annotations.
 */
class TemplatesAndGangIT {
  private static final Map<String, String> TEMPLATES = Map.of(
      "/job.yaml", String.join("\n",
          "queue: e2e",
          "jobRequestItems:",
          "  - labels: {cost-centre: cc-42}"),
      "/driver.yaml", String.join("\n",
          "labels: {from-template: driver}",
          "annotations: {example.com/owner: data-team}",
          "podSpec:",
          "  containers:",
          "    - name: driver",
          "      env: [{name: FROM_TEMPLATE, value: driver}]"),
      "/executor.yaml", String.join("\n",
          "labels: {from-template: executor}",
          "podSpec:",
          "  tolerations: [{key: spark, operator: Exists, effect: NoSchedule}]",
          "  containers:",
          "    - name: executor",
          "      env: [{name: FROM_TEMPLATE, value: executor}]"));

  @TempDir Path tmp;

  @Test
  void piRunsWithTemplatesServedOverHttpAsOneGang() throws Exception {
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    TEMPLATES.forEach((path, body) -> http.createContext(path, exchange -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    }));
    http.start();
    String base = "http://127.0.0.1:" + http.getAddress().getPort();
    String jobSet = "e2e-templates-" + System.nanoTime();
    try (LocalArmadaProcess armada = LocalArmadaProcess.start(tmp, "e2e")) {
      List<String> args = new ArrayList<>(PiSubmission.args(armada.master(), jobSet, 4,
          "spark.armada.jobTemplate=" + base + "/job.yaml",
          "spark.armada.driver.jobItemTemplate=" + base + "/driver.yaml",
          "spark.armada.executor.jobItemTemplate=" + base + "/executor.yaml",
          "spark.armada.scheduling.nodeUniformityLabel=armada-spark"));
      int queueArg = args.indexOf("spark.armada.queue=e2e");
      args.remove(queueArg); // the queue comes from the job template only
      args.remove(queueArg - 1);
      ProcessResult submit = SparkSubmitRun.run(600, args);
      assertThat(submit.exitCode).as("%s\nlocal-armada:\n%s", submit, armada.log()).isZero();

      List<EventStreamMessage> events = armada.jobSetEvents("e2e", jobSet);
      JobSetView view = JobSetView.of(events);
      assertThat(view.jobs.values()).hasSize(3)
          .allSatisfy(j -> assertThat(j.state()).isEqualTo(JobEvent.Kind.SUCCEEDED));
      List<Job> jobs = events.stream().filter(m -> m.getMessage().hasSubmitted())
          .map(m -> m.getMessage().getSubmitted().getJob()).collect(Collectors.toList());
      assertThat(jobs).hasSize(3);
      String gangId = jobs.get(0).getAnnotationsOrThrow("armadaproject.io/gangId");
      for (Job job : jobs) {
        String role = job.getLabelsOrThrow("spark-role");
        assertThat(job.getAnnotationsMap()).as(role)
            .containsEntry("armadaproject.io/gangId", gangId)
            .containsEntry("armadaproject.io/gangCardinality", "3")
            .containsEntry("armadaproject.io/gangNodeUniformityLabel", "armada-spark");
        assertThat(job.getLabelsMap()).as(role).containsEntry("cost-centre", "cc-42")
            .containsEntry("from-template", role);
        assertThat(job.getPodSpec().getContainers(0).getEnvList())
            .anyMatch(e -> e.getName().equals("FROM_TEMPLATE") && e.getValue().equals(role));
      }
      Job driver = jobs.stream().filter(j -> j.getLabelsOrThrow("spark-role").equals("driver")).findFirst().orElseThrow();
      assertThat(driver.getAnnotationsMap()).containsEntry("example.com/owner", "data-team");
      assertThat(jobs).filteredOn(j -> j.getLabelsOrThrow("spark-role").equals("executor"))
          .allSatisfy(j -> assertThat(j.getPodSpec().getTolerations(0).getKey()).isEqualTo("spark"));
      assertThat(submit.output).contains("queue e2e");
    } finally {
      http.stop(0);
    }
  }
}
