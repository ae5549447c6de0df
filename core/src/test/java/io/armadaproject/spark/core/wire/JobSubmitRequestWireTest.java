package io.armadaproject.spark.core.wire;

import static io.armadaproject.spark.core.wire.WireFields.FIXED64;
import static io.armadaproject.spark.core.wire.WireFields.LEN;
import static io.armadaproject.spark.core.wire.WireFields.VARINT;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import io.armadaproject.spark.api.Cause;
import io.armadaproject.spark.api.EventStreamMessage;
import io.armadaproject.spark.api.JobFailedEvent;
import io.armadaproject.spark.api.JobSubmitRequest;
import io.armadaproject.spark.api.JobSubmitRequestItem;
import io.armadaproject.spark.api.ServiceConfig;
import io.armadaproject.spark.api.ServiceType;
import io.armadaproject.spark.k8s.core.v1.Container;
import io.armadaproject.spark.k8s.core.v1.ContainerPort;
import io.armadaproject.spark.k8s.core.v1.EnvVar;
import io.armadaproject.spark.k8s.core.v1.PodSecurityContext;
import io.armadaproject.spark.k8s.core.v1.PodSpec;
import io.armadaproject.spark.k8s.core.v1.ResourceRequirements;
import io.armadaproject.spark.k8s.resource.Quantity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Pins the encoded bytes of a submission and of a failed event to the field numbers and wire types
 * of reference/armada-api.md (sections 3.1, 3.4, 3.5 and 6), independently of our .proto files.
 */
class JobSubmitRequestWireTest {

  private static JobSubmitRequest sampleRequest() {
    Container container = Container.newBuilder()
        .setName("driver")
        .setImage("spark:3.5.9")
        .addArgs("driver")
        .addArgs("--class")
        .addEnv(EnvVar.newBuilder().setName("SPARK_DRIVER_BIND_ADDRESS").setValue("0.0.0.0"))
        .setResources(ResourceRequirements.newBuilder()
            .putLimits("memory", Quantity.newBuilder().setString("1Gi").build())
            .putRequests("cpu", Quantity.newBuilder().setString("500m").build()))
        .addPorts(ContainerPort.newBuilder().setName("driver").setContainerPort(7078))
        .build();
    PodSpec pod = PodSpec.newBuilder()
        .addContainers(container)
        .setRestartPolicy("Never")
        .setTerminationGracePeriodSeconds(30)
        .putNodeSelector("kubernetes.io/os", "linux")
        .setSecurityContext(PodSecurityContext.newBuilder().setRunAsUser(185))
        .build();
    JobSubmitRequestItem item = JobSubmitRequestItem.newBuilder()
        .setPriority(2.0)
        .setPodSpec(pod)
        .setNamespace("spark")
        .putLabels("spark-role", "driver")
        .putAnnotations("armadaproject.io/gangId", "g-1")
        .setClientId("client-1")
        .addServices(ServiceConfig.newBuilder().setType(ServiceType.Headless).addPorts(7078))
        .build();
    return JobSubmitRequest.newBuilder()
        .setQueue("spark-queue")
        .setJobSetId("app-42")
        .addJobRequestItems(item)
        .build();
  }

  @Test
  void submitRequestUsesArmadaFieldNumbersAndWireTypes() {
    WireFields request = WireFields.read(sampleRequest().toByteString());
    assertThat(request.numbers()).containsExactly(1, 2, 3);
    assertThat(request.one(1, LEN).string()).isEqualTo("spark-queue");
    assertThat(request.one(2, LEN).string()).isEqualTo("app-42");

    WireFields item = request.one(3, LEN).message();
    assertThat(item.numbers()).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 8, 10);
    assertThat(item.one(1, FIXED64).asDouble()).isEqualTo(2.0);
    assertThat(item.one(3, LEN).string()).isEqualTo("spark");
    assertThat(mapEntries(item.all(4, LEN))).containsExactly(Map.entry("spark-role", "driver"));
    assertThat(mapEntries(item.all(5, LEN))).containsExactly(Map.entry("armadaproject.io/gangId", "g-1"));
    assertThat(item.one(8, LEN).string()).isEqualTo("client-1");

    WireFields service = item.one(10, LEN).message();
    assertThat(service.one(1, VARINT).value).as("ServiceType.Headless").isEqualTo(1);
    // proto3 repeated uint32 is packed: one length-delimited field holding varints
    assertThat(WireFields.packedVarints(service.one(2, LEN).bytes)).containsExactly(7078L);

    assertPodSpec(item.one(2, LEN).message());
  }

  private static void assertPodSpec(WireFields pod) {
    assertThat(pod.numbers()).containsExactlyInAnyOrder(2, 3, 4, 7, 14);
    assertThat(pod.one(3, LEN).string()).isEqualTo("Never");
    assertThat(pod.one(4, VARINT).value).isEqualTo(30);
    assertThat(mapEntries(pod.all(7, LEN))).containsExactly(Map.entry("kubernetes.io/os", "linux"));
    assertThat(pod.one(14, LEN).message().one(2, VARINT).value).as("runAsUser").isEqualTo(185);

    WireFields container = pod.one(2, LEN).message();
    assertThat(container.numbers()).containsExactly(1, 2, 4, 4, 6, 7, 8);
    assertThat(container.one(1, LEN).string()).isEqualTo("driver");
    assertThat(container.one(2, LEN).string()).isEqualTo("spark:3.5.9");
    // proto2 repeated string: one field occurrence per element
    assertThat(container.all(4, LEN).stream().map(WireFields.Field::string))
        .containsExactly("driver", "--class");

    WireFields port = container.one(6, LEN).message();
    assertThat(port.one(1, LEN).string()).isEqualTo("driver");
    assertThat(port.one(3, VARINT).value).as("containerPort").isEqualTo(7078);

    WireFields env = container.one(7, LEN).message();
    assertThat(env.one(1, LEN).string()).isEqualTo("SPARK_DRIVER_BIND_ADDRESS");
    assertThat(env.one(2, LEN).string()).isEqualTo("0.0.0.0");

    WireFields resources = container.one(8, LEN).message();
    assertThat(quantityEntries(resources.all(1, LEN))).containsExactly(Map.entry("memory", "1Gi"));
    assertThat(quantityEntries(resources.all(2, LEN))).containsExactly(Map.entry("cpu", "500m"));
  }

  /** Map entries are messages with key = 1 and value = 2. */
  private static Map<String, String> mapEntries(List<WireFields.Field> entries) {
    return entries.stream().map(WireFields.Field::message).collect(Collectors.toMap(
        e -> e.one(1, LEN).string(), e -> e.one(2, LEN).string(), (a, b) -> b, TreeMap::new));
  }

  /** Map<string, Quantity>: the value is a Quantity message whose field 1 is the text. */
  private static Map<String, String> quantityEntries(List<WireFields.Field> entries) {
    return entries.stream().map(WireFields.Field::message).collect(Collectors.toMap(
        e -> e.one(1, LEN).string(),
        e -> e.one(2, LEN).message().one(1, LEN).string(),
        (a, b) -> b, TreeMap::new));
  }

  @Test
  void failedEventDecodesFromHandBuiltBytes() throws IOException {
    ByteString exitCode = encode(out -> {
      out.writeString(1, "executor");
      out.writeInt32(2, 137);
    });
    ByteString failed = encode(out -> {
      out.writeString(1, "01j0000000000000000000000a");
      out.writeString(2, "app-42");
      out.writeString(3, "spark-queue");
      out.writeString(6, "OOMKilled: container exceeded its memory limit");
      out.writeBytes(7, exitCode);
      out.writeEnum(12, 2); // Cause.OOM
      out.writeString(99, "a field from a newer Armada"); // must be skipped
    });
    ByteString eventMessage = encode(out -> out.writeBytes(9, failed));
    ByteString streamMessage = encode(out -> {
      out.writeString(1, "1724250000123:0:3:1");
      out.writeBytes(2, eventMessage);
    });

    EventStreamMessage decoded = EventStreamMessage.parseFrom(streamMessage);

    assertThat(decoded.getId()).isEqualTo("1724250000123:0:3:1");
    assertThat(decoded.getMessage().getEventsCase().getNumber()).isEqualTo(9);
    JobFailedEvent event = decoded.getMessage().getFailed();
    assertThat(event.getJobId()).isEqualTo("01j0000000000000000000000a");
    assertThat(event.getJobSetId()).isEqualTo("app-42");
    assertThat(event.getQueue()).isEqualTo("spark-queue");
    assertThat(event.getReason()).startsWith("OOMKilled");
    assertThat(event.getCause()).isEqualTo(Cause.OOM);
    assertThat(event.getExitCodesMap()).containsExactly(Map.entry("executor", 137));
  }

  private interface Writer {
    void write(CodedOutputStream out) throws IOException;
  }

  private static ByteString encode(Writer writer) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    writer.write(out);
    out.flush();
    return ByteString.copyFrom(bytes.toByteArray());
  }
}
