package io.armadaproject.spark.shim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** Reads the shaded jar this module built: what is inside, and for which Java. */
class ShadedJarIT {
  private static final Path JAR = Paths.get(System.getProperty("shaded.jar"));
  private static final int EXPECTED_MAJOR = Integer.parseInt(System.getProperty("expected.class.major"));

  /** Everything we bundle lives under our own package; Spark-facing classes are ours alone. */
  private static final String[] ALLOWED_CLASS_PREFIXES = {
    "io/armadaproject/spark/",
    "org/apache/spark/deploy/ArmadaSparkSubmit",
    "org/apache/spark/scheduler/cluster/armada/",
  };

  @Test
  void everyBundledClassIsOursOrRelocated() throws IOException {
    List<String> strays = new ArrayList<>();
    for (String name : classNames()) {
      boolean allowed = false;
      for (String prefix : ALLOWED_CLASS_PREFIXES) {
        allowed |= name.startsWith(prefix);
      }
      if (!allowed) {
        strays.add(name);
      }
    }
    assertThat(strays).as("classes outside io/armadaproject/spark in " + JAR).isEmpty();
  }

  @Test
  void noSparkScalaOrLoggingBindingInside() throws IOException {
    assertThat(classNames()).noneMatch(n -> n.startsWith("scala/") || n.startsWith("org/slf4j/")
        || n.startsWith("org/apache/logging/") || n.startsWith("org/apache/log4j/")
        || n.startsWith("ch/qos/logback/"));
    assertThat(classNames()).filteredOn(n -> n.startsWith("org/apache/spark/"))
        .allMatch(n -> n.startsWith("org/apache/spark/deploy/ArmadaSparkSubmit")
            || n.startsWith("org/apache/spark/scheduler/cluster/armada/"));
  }

  @Test
  void ourClassesTargetTheLinesJava() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      assertThat(majorVersion(jar, "org/apache/spark/deploy/ArmadaSparkSubmit.class")).isEqualTo(EXPECTED_MAJOR);
      assertThat(majorVersion(jar, "io/armadaproject/spark/submit/cluster/ClusterModeSubmitter.class"))
          .as("shared code runs on every line's Java").isLessThanOrEqualTo(EXPECTED_MAJOR);
      int highest = 0;
      String highestClass = "";
      for (String name : classNames()) {
        int major = majorVersion(jar, name);
        if (major > highest) {
          highest = major;
          highestClass = name;
        }
      }
      assertThat(highest).as("newest class file: " + highestClass).isLessThanOrEqualTo(EXPECTED_MAJOR);
    }
  }

  @Test
  void clusterManagerIsRegisteredAndBuildPairRecorded() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      assertThat(text(jar, "META-INF/services/org.apache.spark.scheduler.ExternalClusterManager"))
          .contains("org.apache.spark.scheduler.cluster.armada.ArmadaClusterManager");
      String build = text(jar, "armada-spark-build.properties");
      assertThat(JAR.getFileName().toString()).startsWith("armada-spark_");
      assertThat(build).doesNotContain("${").contains("spark.version=").contains("scala.binary.version=");
    }
  }

  private static List<String> classNames() throws IOException {
    List<String> out = new ArrayList<>();
    try (JarFile jar = new JarFile(JAR.toFile())) {
      Enumeration<JarEntry> entries = jar.entries();
      while (entries.hasMoreElements()) {
        String name = entries.nextElement().getName();
        if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
          out.add(name);
        }
      }
    }
    return out;
  }

  private static int majorVersion(JarFile jar, String entry) throws IOException {
    try (DataInputStream in = new DataInputStream(jar.getInputStream(jar.getEntry(entry)))) {
      assertThat(in.readInt()).as("class file magic of " + entry).isEqualTo(0xCAFEBABE);
      in.readUnsignedShort(); // minor
      return in.readUnsignedShort();
    }
  }

  private static String text(JarFile jar, String entry) throws IOException {
    JarEntry e = jar.getJarEntry(entry);
    assertThat(e).as(entry + " in " + JAR).isNotNull();
    try (InputStream in = jar.getInputStream(e)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
