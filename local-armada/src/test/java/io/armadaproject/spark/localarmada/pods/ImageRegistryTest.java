package io.armadaproject.spark.localarmada.pods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageRegistryTest {

  @TempDir
  Path dir;

  @Test
  void loadsImagePropertiesWithMappedPaths() throws IOException {
    LocalImage image = LocalImage.load(imageDir("spark", "/opt/entrypoint.sh"));
    Path root = dir.resolve("spark").toAbsolutePath();
    assertThat(image.entrypoint()).containsExactly(root + "/opt/entrypoint.sh");
    assertThat(image.cmd()).containsExactly("driver");
    assertThat(image.env()).isEqualTo(Map.of("SPARK_HOME", root + "/opt/spark", "MODE", "local"));
    assertThat(image.pathPrefix()).containsExactly(root + "/opt/spark/bin", "/usr/local/bin");
    assertThat(image.workdir()).isEqualTo("/opt/spark/work-dir");
  }

  @Test
  void namesMatchAnyTagUnlessATagIsGiven() throws IOException {
    ImageRegistry registry = new ImageRegistry();
    LocalImage any = LocalImage.load(imageDir("any", "/opt/a"));
    LocalImage tagged = LocalImage.load(imageDir("tagged", "/opt/b"));
    registry.map("armada-spark", any);
    registry.map("registry.io/team/spark:3.5", tagged);
    BuiltinImages.install(dir.resolve("images"), registry);

    assertThat(registry.resolve("armada-spark")).contains(any);
    assertThat(registry.resolve("armada-spark:3.5.9")).contains(any);
    assertThat(registry.resolve("armada-spark@sha256:abc")).contains(any);
    assertThat(registry.resolve("registry.io/team/spark:3.5")).contains(tagged);
    assertThat(registry.resolve("registry.io/team/spark:4.1")).isEmpty();
    assertThat(registry.resolve("other/armada-spark")).isEmpty();
    assertThat(registry.resolve("busybox:1.36").orElseThrow().cmd()).containsExactly("sh");
    assertThat(registry.resolve("docker.io/library/busybox").orElseThrow().pathPrefix())
        .containsExactly(dir.resolve("images/busybox/bin").toAbsolutePath().toString());
    assertThat(Files.isExecutable(dir.resolve("images/busybox/bin/nc"))).isTrue();
    assertThat(ImageRegistry.unavailableReason("nginx:1"))
        .isEqualTo("image \"nginx:1\" is not available in local-armada; map it with --image nginx:1=DIR");
  }

  @Test
  void userMappingOfBusyboxWinsOverTheBuiltin() throws IOException {
    ImageRegistry registry = new ImageRegistry();
    BuiltinImages.install(dir.resolve("images"), registry);
    LocalImage mine = LocalImage.load(imageDir("mybusybox", "/opt/sh"));
    registry.map("busybox", mine);
    assertThat(registry.resolve("busybox:latest")).contains(mine);
  }

  @Test
  void missingPropertiesOrRootDirsAreReported() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThatThrownBy(() -> LocalImage.load(empty)).hasMessageContaining("has no image.properties");
    Path noRoot = Files.createDirectories(dir.resolve("noroot"));
    Files.writeString(noRoot.resolve("image.properties"), "rootDirs=opt\n");
    assertThatThrownBy(() -> LocalImage.load(noRoot)).hasMessageContaining("rootDirs entry \"opt\" is not a directory");
  }

  private Path imageDir(String name, String entrypoint) throws IOException {
    Path image = Files.createDirectories(dir.resolve(name).resolve("opt/spark/bin")).getParent().getParent().getParent();
    Files.write(image.resolve("image.properties"), List.of(
        "entrypoint=" + entrypoint,
        "cmd=driver",
        "workdir=/opt/spark/work-dir",
        "rootDirs=opt",
        "env.SPARK_HOME=/opt/spark",
        "env.MODE=local",
        "path=/opt/spark/bin:/usr/local/bin"));
    return image;
  }
}
