package io.armadaproject.spark.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input a user can give fails before anything is submitted: the message names the
 * key, the bad value and the fix, the exit code is non-zero, and local-armada receives nothing (no
 * SubmitJobs call, no event in the job set).
 */
class BadInputIT {
  @TempDir static Path tmp;
  private static LocalArmadaProcess armada;

  @BeforeAll
  static void startArmada() throws Exception {
    armada = LocalArmadaProcess.start(tmp, "e2e");
    Path failing = tmp.resolve("failing-token.sh");
    Files.writeString(failing, "#!/bin/sh\necho 'no token for you' >&2\nexit 3\n");
    Files.setPosixFilePermissions(failing, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(tmp.resolve("broken.yaml"), "labels: {a: [\n");
    Files.writeString(tmp.resolve("unknown-key.yaml"), "podSpec:\n  nodeSelectr: {disk: ssd}\n");
    Files.writeString(tmp.resolve("executor-ingress.yaml"), "ingress: [{ports: [4040]}]\n");
    Path silent = tmp.resolve("silent-token.sh");
    Files.writeString(silent, "#!/bin/sh\nexit 0\n");
    Files.setPosixFilePermissions(silent, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @AfterAll
  static void stopArmada() throws Exception {
    armada.close();
  }

  static Stream<BadCase> cases() {
    return Stream.of(
        // Armada URLs
        BadCase.master("master without a port", "armada://nohost").expect("armada://nohost", "armada://<host>:<port>"),
        BadCase.master("master port is a word", "armada://h:notaport").expect("armada://h:notaport", "armada://<host>:<port>"),
        BadCase.master("master port out of range", "armada://h:99999").expect("armada://h:99999", "armada://<host>:<port>"),
        BadCase.conf("internal URL without scheme", "spark.armada.internalUrl", "armada-server:50051"),
        BadCase.conf("internal URL with an http scheme", "spark.armada.internalUrl", "http://armada:50051"),
        BadCase.conf("Lookout URL that is not http", "spark.armada.lookouturl", "lookout.local:30000"),
        // quantities
        BadCase.conf("driver cpu request is a word", "spark.armada.driver.request.cores", "lots"),
        BadCase.conf("executor memory limit in GB", "spark.armada.executor.limit.memory", "1GB"),
        BadCase.conf("driver memory request with a bad suffix", "spark.armada.driver.request.memory", "12x"),
        BadCase.conf("negative init container cpu", "spark.armada.executor.initContainer.cpu", "-1"),
        BadCase.conf("init container memory is a word", "spark.armada.executor.initContainer.memory", "big"),
        BadCase.conf("executor cores is a word", "spark.executor.cores", "two"),
        BadCase.conf("executor memory is a word", "spark.executor.memory", "lots"),
        // labels, selectors and uniformity labels
        BadCase.conf("pod label key with a space", "spark.armada.pod.labels", "bad key=1"),
        BadCase.conf("driver label value starting with a dash", "spark.armada.driver.labels", "a=-bad"),
        BadCase.conf("executor label without a value", "spark.armada.executor.labels", "novalue"),
        BadCase.conf("node selector with an empty name", "spark.armada.scheduling.nodeSelectors", "kubernetes.io/=x"),
        BadCase.conf("uniformity label with an underscore prefix", "spark.armada.scheduling.nodeUniformityLabel",
            "invalid_prefix/name"),
        // durations
        BadCase.conf("health timeout is a word", "spark.armada.health.checkTimeout", "soon"),
        BadCase.conf("negative connection timeout", "spark.armada.executor.connectionTimeout", "-5s"),
        BadCase.conf("tracker timeout is a word", "spark.armada.executor.trackerTimeout", "forever"),
        BadCase.conf("zero tracker polling interval", "spark.armada.executor.trackerPollingInterval", "0s"),
        // numbers and booleans
        BadCase.conf("negative priority", "spark.armada.scheduling.priority", "-1"),
        BadCase.conf("priority is a word", "spark.armada.scheduling.priority", "high"),
        BadCase.conf("runAsUser is a name", "spark.armada.runAsUser", "root"),
        BadCase.conf("no executors in cluster mode", "spark.executor.instances", "0"),
        BadCase.conf("dry run is neither true nor false", "spark.armada.dryRun", "maybe"),
        // names
        BadCase.conf("service name prefix with capitals", "spark.armada.driver.serviceNamePrefix", "Bad_Prefix"),
        BadCase.conf("empty job set id", "spark.armada.jobSetId", ""),
        BadCase.conf("empty queue", "spark.armada.queue", ""),
        // missing and conflicting keys
        BadCase.omit("missing queue", "spark.armada.queue"),
        BadCase.omit("missing image", "spark.armada.container.image"),
        BadCase.omit("missing main class", "--class").expect("--class", "Fix:"),
        BadCase.conf("conflicting uniformity label aliases", "spark.armada.scheduling.nodeUniformity", "other")
            .with("spark.armada.scheduling.nodeUniformityLabel", "armada-spark")
            .expect("spark.armada.scheduling.nodeUniformity", "other", "armada-spark", "Fix:"),
        // credentials and TLS
        BadCase.conf("token script that does not exist", "spark.armada.auth.script.path", "/no/such/token.sh"),
        BadCase.conf("token script that fails", "spark.armada.auth.script.path", "@tmp/failing-token.sh")
            .expect("spark.armada.auth.script.path", "failing-token.sh", "3", "Fix:"),
        BadCase.conf("token script that prints nothing", "spark.armada.auth.script.path", "@tmp/silent-token.sh")
            .expect("spark.armada.auth.script.path", "silent-token.sh", "Fix:"),
        BadCase.conf("CA file that does not exist", "spark.armada.tls.caCertPath", "/no/such/ca.pem")
            .tls(),
        BadCase.conf("cpu request below the limit", "spark.armada.executor.request.cores", "1")
            .with("spark.armada.executor.limit.cores", "2")
            .expect("executor jobs: container \"executor\" requests 1 cpu but limits it to 2", "requests equal to limits",
                "Fix:"),
        BadCase.conf("init container with whole cpus", "spark.armada.executor.initContainer.cpu", "1")
            .expect("init container \"wait-for-driver\" requests a whole number of cpus (1)", "Fix:"),
        // templates
        BadCase.conf("template with an unsupported scheme", "spark.armada.jobTemplate", "ftp://host/job.yaml"),
        BadCase.conf("template file that does not exist", "spark.armada.driver.jobItemTemplate", "/no/such/driver.yaml"),
        BadCase.conf("template that is not YAML", "spark.armada.executor.jobItemTemplate", "@tmp/broken.yaml")
            .expect("spark.armada.executor.jobItemTemplate", "broken.yaml", "not valid YAML", "Fix:"),
        BadCase.conf("template with a misspelt field", "spark.armada.driver.jobItemTemplate", "@tmp/unknown-key.yaml")
            .expect("unknown-key.yaml", "line 2: podSpec.nodeSelectr is not a field of PodSpec (did you mean nodeSelector?)",
                "Fix:"),
        BadCase.conf("executor template with an ingress", "spark.armada.executor.jobItemTemplate",
            "file://@tmp/executor-ingress.yaml").expect("executor-ingress.yaml", "has an ingress", "Fix:"),
        // annotations, ingress and OAuth
        BadCase.conf("annotation key with a space", "spark.armada.pod.annotations", "bad key=v"),
        BadCase.conf("ingress annotation key with two slashes", "spark.armada.driver.ingress.annotations", "a/b/c=v")
            .with("spark.armada.driver.ingress.enabled", "true"),
        BadCase.conf("ingress port zero", "spark.armada.driver.ingress.port", "0"),
        BadCase.conf("ingress port that bypasses the OAuth proxy", "spark.armada.driver.ingress.port", "4040")
            .with("spark.armada.driver.ingress.enabled", "true").with("spark.armada.oauth.enabled", "true")
            .with("spark.armada.oauth.clientId", "ui").with("spark.armada.oauth.clientSecretK8s", "ui-secret")
            .with("spark.armada.oauth.issuerUrl", "https://idp.example"),
        BadCase.conf("OAuth without a client id", "spark.armada.oauth.enabled", "true")
            .expect("spark.armada.oauth.clientId is not set", "Fix:"),
        BadCase.conf("OAuth without a client secret", "spark.armada.oauth.enabled", "true")
            .with("spark.armada.oauth.clientId", "ui")
            .expect("spark.armada.oauth.clientSecretK8s is not set", "spark.armada.oauth.clientSecret", "Fix:"),
        BadCase.conf("OAuth without discovery and without a login URL", "spark.armada.oauth.skipProviderDiscovery", "true")
            .with("spark.armada.oauth.enabled", "true").with("spark.armada.oauth.clientId", "ui")
            .with("spark.armada.oauth.clientSecretK8s", "ui-secret")
            .expect("spark.armada.oauth.loginUrl is not set", "Fix:"),
        BadCase.conf("OAuth issuer that is not a URL", "spark.armada.oauth.issuerUrl", "idp.example"),
        BadCase.conf("OAuth cookie SameSite value", "spark.armada.oauth.cookieSamesite", "sometimes")
            .with("spark.armada.oauth.enabled", "true").with("spark.armada.oauth.clientId", "ui")
            .with("spark.armada.oauth.clientSecretK8s", "ui-secret")
            .with("spark.armada.oauth.issuerUrl", "https://idp.example"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void failsBeforeAnythingIsSubmitted(BadCase c) throws Exception {
    long callsBefore = armada.stats().getSubmitJobsCalls();
    String jobSet = "bad-input-" + System.nanoTime();
    ProcessResult r = SparkSubmitRun.run(120, c.arguments(armada.master(), jobSet, tmp));
    assertThat(r.exitCode).as(r.toString()).isNotZero();
    for (String text : c.expected()) {
      assertThat(r.output).as(r.toString()).contains(text.replace("@tmp", tmp.toString()));
    }
    assertThat(r.output).as("no job was reported as submitted").doesNotContain("Submitted driver job");
    assertThat(armada.jobSetEvents("e2e", jobSet)).as("events of job set " + jobSet).isEmpty();
    assertThat(armada.stats().getSubmitJobsCalls()).as("SubmitJobs calls local-armada received")
        .isEqualTo(callsBefore);
  }

  /** One bad submission: what is changed from a good one, and what the error must say. */
  static final class BadCase {
    private final String name;
    private String master;
    private final Map<String, String> conf = new LinkedHashMap<>();
    private final List<String> omitted = new ArrayList<>();
    private final List<String> expected = new ArrayList<>();
    private boolean tls;

    private BadCase(String name) {
      this.name = name;
    }

    static BadCase master(String name, String master) {
      BadCase c = new BadCase(name);
      c.master = master;
      return c;
    }

    /** {@code key=value} is the bad input; the message must show both and a fix. */
    static BadCase conf(String name, String key, String value) {
      BadCase c = new BadCase(name).with(key, value);
      c.expected.add(key + "=\"" + value + "\"");
      c.expected.add("Fix:");
      return c;
    }

    static BadCase omit(String name, String key) {
      BadCase c = new BadCase(name);
      c.omitted.add(key);
      c.expected.add(key);
      c.expected.add("Fix:");
      return c;
    }

    BadCase with(String key, String value) {
      conf.put(key, value);
      return this;
    }

    /** Replaces the default expectations. */
    BadCase expect(String... texts) {
      expected.clear();
      expected.addAll(List.of(texts));
      return this;
    }

    BadCase tls() {
      tls = true;
      return this;
    }

    List<String> expected() {
      return expected;
    }

    List<String> arguments(String localMaster, String jobSet, Path tmp) {
      String m = master != null ? master : tls ? localMaster.replace("armada://", "armada+tls://") : localMaster;
      Map<String, String> all = new LinkedHashMap<>();
      all.put("spark.armada.jobSetId", jobSet);
      all.put("spark.armada.queue", "e2e");
      all.put("spark.armada.container.image", "armada-spark");
      all.putAll(conf);
      List<String> args = new ArrayList<>(List.of("--master", m, "--deploy-mode", "cluster"));
      if (!omitted.contains("--class")) {
        args.add("--class");
        args.add("org.apache.spark.examples.SparkPi");
      }
      all.forEach((k, v) -> {
        if (!omitted.contains(k)) {
          args.add("--conf");
          args.add(k + "=" + v.replace("@tmp", tmp.toString()));
        }
      });
      args.add(Repo.examplesJarUri());
      return args;
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
