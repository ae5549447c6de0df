package io.armadaproject.spark.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ArmadaEndpointTest {

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @CsvSource({
    // url,                             host,               port,  tls,   normalized,                         target
    "armada://localhost:50051,          localhost,          50051, false, armada://localhost:50051,           localhost:50051",
    "armada://localhost:50051/,         localhost,          50051, false, armada://localhost:50051,           localhost:50051",
    "armada://Armada.Example.COM:443,   armada.example.com, 443,   false, armada://armada.example.com:443,    armada.example.com:443",
    "armada+tls://armada.example.com:1, armada.example.com, 1,     true,  armada+tls://armada.example.com:1,  armada.example.com:1",
    "armada+https://10.0.0.7:65535,     10.0.0.7,           65535, true,  armada+tls://10.0.0.7:65535,        10.0.0.7:65535",
    "ARMADA://host_1:30002,             host_1,             30002, false, armada://host_1:30002,              host_1:30002",
    "armada://[::1]:50051,              ::1,                50051, false, armada://[::1]:50051,               [::1]:50051",
    "armada+tls://[fe80::1:AB]:8443/,   fe80::1:ab,         8443,  true,  armada+tls://[fe80::1:ab]:8443,     [fe80::1:ab]:8443",
  })
  void parsesGoodUrls(String url, String host, int port, boolean tls, String normalized, String target) {
    ArmadaEndpoint endpoint = ArmadaEndpoint.parseMaster(url);
    assertThat(endpoint.host()).isEqualTo(host);
    assertThat(endpoint.port()).isEqualTo(port);
    assertThat(endpoint.isTls()).isEqualTo(tls);
    assertThat(endpoint.toString()).isEqualTo(normalized);
    assertThat(endpoint.target()).isEqualTo(target);
    assertThat(ArmadaEndpoint.parseMaster(endpoint.toString())).isEqualTo(endpoint);
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(strings = {
    "armada://nohost",
    "armada://h:notaport",
    "armada://h:99999",
    "armada://h:0",
    "armada://h:-1",
    "armada://:50051",
    "armada://h:",
    "http://h:1",
    "k8s://h:1",
    "h:1",
    "armada://h:1/x",
    "armada://h:1//",
    "armada://h:1?x=1",
    "armada://::1:50051",
    "armada://[::1]",
    "armada://[::1:50051",
    "armada://[]:50051",
    "armada://[zz]:50051",
    "armada://bad host:1",
    "",
  })
  void rejectsBadUrlsNamingTheUrlAndTheExpectedForm(String url) {
    assertThatThrownBy(() -> ArmadaEndpoint.parseMaster(url))
        .isInstanceOf(InvalidMasterUrlException.class)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid Armada master URL \"" + url + "\": expected armada://<host>:<port>"
            + " (or armada+tls://<host>:<port> for TLS), e.g. armada://localhost:50051");
  }

  @Test
  void exampleMessageFromTheSpec() {
    assertThatThrownBy(() -> ArmadaEndpoint.parseMaster("armada://nohost"))
        .hasMessageContaining("Invalid Armada master URL \"armada://nohost\": expected armada://<host>:<port>"
            + " (or armada+tls://<host>:<port> for TLS), e.g. armada://localhost:50051")
        .hasMessageContaining("missing :<port>");
    assertThatThrownBy(() -> ArmadaEndpoint.parseMaster("armada://h:99999")).hasMessageContaining("1-65535");
  }

  @Test
  void nullUrlIsRejected() {
    assertThatThrownBy(() -> ArmadaEndpoint.parseMaster(null)).isInstanceOf(InvalidMasterUrlException.class);
  }

  @Test
  void passwordsInTheUrlAreNotEchoed() {
    assertThatThrownBy(() -> ArmadaEndpoint.parseMaster("armada://user:hunter2@h:1"))
        .isInstanceOf(InvalidMasterUrlException.class)
        .hasMessageNotContaining("hunter2")
        .hasMessageContaining("armada://***@h:1");
  }

  @Test
  void ofBuildsFromParts() {
    assertThat(ArmadaEndpoint.of("[::1]", 7, true).toString()).isEqualTo("armada+tls://[::1]:7");
    assertThat(ArmadaEndpoint.of("Host", 7, false)).isEqualTo(ArmadaEndpoint.parseMaster("armada://host:7"));
    assertThatThrownBy(() -> ArmadaEndpoint.of("h", 70000, false)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ArmadaEndpoint.of("", 1, false)).isInstanceOf(IllegalArgumentException.class);
  }
}
