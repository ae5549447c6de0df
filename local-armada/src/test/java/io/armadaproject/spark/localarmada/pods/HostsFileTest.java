package io.armadaproject.spark.localarmada.pods;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostsFileTest {

  @TempDir
  Path dir;

  @Test
  void alwaysMapsLocalhostAndHostnameAndTracksPods() throws IOException {
    HostsFile hosts = new HostsFile(dir.resolve("hosts"), "myhost");
    assertThat(lines()).containsExactly("127.0.0.1 localhost", "127.0.0.1 myhost");

    hosts.put("job1", "127.0.1.1", List.of("armada-job1-0", "armada-job1-0-service-0"));
    hosts.put("job2", "127.0.1.2", List.of("armada-job2-0"));
    assertThat(lines()).containsExactly("127.0.0.1 localhost", "127.0.0.1 myhost",
        "127.0.1.1 armada-job1-0", "127.0.1.1 armada-job1-0-service-0", "127.0.1.2 armada-job2-0");

    hosts.remove("job1");
    assertThat(lines()).containsExactly("127.0.0.1 localhost", "127.0.0.1 myhost", "127.0.1.2 armada-job2-0");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(dir.resolve("hosts"));
    }
  }

  private List<String> lines() throws IOException {
    return Files.readAllLines(dir.resolve("hosts")).stream().filter(line -> !line.startsWith("#")).toList();
  }
}
