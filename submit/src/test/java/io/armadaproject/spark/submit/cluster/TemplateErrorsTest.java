package io.armadaproject.spark.submit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.armadaproject.spark.core.config.ConfigException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every template problem is an error naming the key, the template and the fix, before anything is sent. */
class TemplateErrorsTest {
  @TempDir Path tmp;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "executor ingress|spark.armada.executor.jobItemTemplate|'ingress: [{ports: [4040]}]'|has an ingress",
    "two driver ingresses|spark.armada.driver.jobItemTemplate|'ingress: [{ports: [1]}, {ports: [2]}]'|has 2 ingress entries",
    "two job items|spark.armada.jobTemplate|'jobRequestItems: [{}, {}]'|has 2 jobRequestItems",
    "pod spec in the job template|spark.armada.jobTemplate|'jobRequestItems: [{podSpec: {}}]'|has a pod spec",
    "reserved container name|spark.armada.executor.jobItemTemplate|'podSpec: {initContainers: [{name: wait-for-driver}]}'|which armada-spark adds itself",
    "main container with args|spark.armada.driver.jobItemTemplate|'podSpec: {containers: [{name: driver, args: [x]}]}'|sets command or args",
    "no main container|spark.armada.driver.jobItemTemplate|'podSpec: {containers: [{name: a}, {name: b}]}'|none named \"driver\"",
    "unknown key|spark.armada.driver.jobItemTemplate|'podSpec: {nodeSelectr: {a: b}}'|podSpec.nodeSelectr is not a field of PodSpec (did you mean nodeSelector?)",
    "bad quantity|spark.armada.executor.jobItemTemplate|'podSpec: {containers: [{resources: {limits: {memory: 1GB}}}]}'|is not a Kubernetes quantity",
    "YAML syntax|spark.armada.jobTemplate|'queue: [unclosed'|not valid YAML",
    "pod specs list|spark.armada.driver.jobItemTemplate|'podSpecs: [{}]'|uses podSpecs"
  })
  void badTemplateContent(String name, String key, String yaml, String problem) throws Exception {
    Path file = Files.writeString(tmp.resolve("t.yaml"), yaml);
    assertThatThrownBy(() -> new Submissions().set(key, file.toString()).resolve())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(key + "=\"" + file + "\"")
        .hasMessageContaining(problem)
        .hasMessageContaining("Fix:");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "missing file|/no/such/template.yaml|does not exist",
    "missing file URL|file:///no/such/template.yaml|does not exist",
    "unsupported scheme|ftp://host/template.yaml|has an unsupported scheme",
    "unreachable server|http://127.0.0.1:1/template.yaml|could not be fetched"
  })
  void badTemplateLocation(String name, String location, String problem) {
    assertThatThrownBy(() -> new Submissions().set("spark.armada.driver.jobItemTemplate", location).resolve())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("spark.armada.driver.jobItemTemplate=\"" + location + "\" " + problem);
  }

  @Test
  void templatesAreFetchedOverHttpAndHttpErrorsAreNamed() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/executor.yaml", exchange -> {
      byte[] body = "labels: {served: http}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      ResolvedSubmission s = new Submissions().set("spark.armada.executor.jobItemTemplate", base + "/executor.yaml")
          .resolve();
      assertThat(new ExecutorJobFactory().build(s, "d", 1).getLabelsMap()).containsEntry("served", "http");
      assertThatThrownBy(() -> new Submissions().set("spark.armada.executor.jobItemTemplate", base + "/missing.yaml")
          .resolve()).hasMessageContaining("answered HTTP 404");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void anImageOnlyInOneTemplateIsNotEnough() throws Exception {
    Path driver = Files.writeString(tmp.resolve("d.yaml"), "podSpec: {containers: [{name: driver, image: d:1}]}");
    assertThatThrownBy(() -> new Submissions().unset("spark.armada.container.image")
        .set("spark.armada.driver.jobItemTemplate", driver.toString()).resolve())
        .hasMessageContaining("spark.armada.container.image is not set")
        .hasMessageContaining("found: driver d:1, executor none");
  }

  @Test
  void driverAndExecutorTemplatesMustAgreeOnTheNamespace() throws Exception {
    Path driver = Files.writeString(tmp.resolve("d.yaml"), "namespace: a");
    Path executor = Files.writeString(tmp.resolve("e.yaml"), "namespace: b");
    assertThatThrownBy(() -> new Submissions().set("spark.armada.driver.jobItemTemplate", driver.toString())
        .set("spark.armada.executor.jobItemTemplate", executor.toString()).resolve())
        .hasMessageContaining("puts executors in namespace b but the driver template uses a");
  }
}
