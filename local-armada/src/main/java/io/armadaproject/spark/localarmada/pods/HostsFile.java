package io.armadaproject.spark.localarmada.pods;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hosts file that JVMs and {@code nc} started by local-armada resolve names through. It always maps
 * {@code localhost} and this machine's host name to 127.0.0.1, plus one line {@code IP name} per pod and
 * service name. Every change rewrites the file atomically.
 */
public final class HostsFile {

  private record Entry(String ip, List<String> names) {}

  private final Path file;
  private final String hostname;
  private final Map<String, Entry> entriesByOwner = new LinkedHashMap<>();

  public HostsFile(Path file, String hostname) {
    this.file = file;
    this.hostname = hostname;
    write();
  }

  public Path path() {
    return file;
  }

  /** Maps every name in {@code names} to {@code ip} on behalf of {@code owner} (a job id). */
  public synchronized void put(String owner, String ip, List<String> names) {
    entriesByOwner.put(owner, new Entry(ip, List.copyOf(names)));
    write();
  }

  public synchronized void remove(String owner) {
    if (entriesByOwner.remove(owner) != null) {
      write();
    }
  }

  private void write() {
    StringBuilder text = new StringBuilder("# written by local-armada; rewritten on every pod start and end\n");
    text.append("127.0.0.1 localhost\n");
    if (!hostname.isEmpty() && !hostname.equals("localhost")) {
      text.append("127.0.0.1 ").append(hostname).append('\n');
    }
    for (Entry entry : entriesByOwner.values()) {
      for (String name : entry.names()) {
        text.append(entry.ip()).append(' ').append(name).append('\n');
      }
    }
    try {
      Path temp = Files.createTempFile(file.getParent(), ".hosts", ".tmp");
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write hosts file " + file, e);
    }
  }
}
