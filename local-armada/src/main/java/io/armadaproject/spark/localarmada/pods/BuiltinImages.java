package io.armadaproject.spark.localarmada.pods;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * Images local-armada provides itself. {@code busybox} (any tag) runs the host's {@code sh}, {@code date},
 * {@code sleep} ... with {@code <work-dir>/images/busybox/bin} first on PATH, where an {@code nc} script
 * answers {@code nc -z HOST PORT} probes (what Spark's {@code wait-for-driver} init container runs),
 * resolving HOST through the local-armada hosts file first.
 */
public final class BuiltinImages {

  static final List<String> BUSYBOX_NAMES = List.of("busybox", "library/busybox", "docker.io/library/busybox");

  private static final String NC_SCRIPT = String.join("\n",
      "#!/usr/bin/env bash",
      "# nc of local-armada's built-in busybox image: port probes only, nc -z [-v] [-w SECONDS] HOST PORT.",
      "probe=0; verbose=0; wait_secs=1",
      "while [ $# -gt 0 ]; do",
      "  case \"$1\" in",
      "    -z) probe=1; shift ;;",
      "    -v) verbose=1; shift ;;",
      "    -zv|-vz) probe=1; verbose=1; shift ;;",
      "    -w) wait_secs=\"$2\"; shift 2 ;;",
      "    -w*) wait_secs=\"${1#-w}\"; shift ;;",
      "    -*) echo \"nc: option $1 is not supported by local-armada's busybox (only -z, -v, -w)\" >&2; exit 2 ;;",
      "    *) break ;;",
      "  esac",
      "done",
      "if [ \"$probe\" != 1 ] || [ $# -ne 2 ]; then",
      "  echo 'usage: nc -z [-v] [-w SECONDS] HOST PORT (local-armada supports port probes only)' >&2",
      "  exit 2",
      "fi",
      "host=\"$1\"; port=\"$2\"; address=\"$1\"",
      "if [ -n \"${LOCAL_ARMADA_HOSTS_FILE:-}\" ] && [ -r \"$LOCAL_ARMADA_HOSTS_FILE\" ]; then",
      "  while read -r ip names; do",
      "    case \"$ip\" in ''|'#'*) continue ;; esac",
      "    for name in $names; do",
      "      if [ \"$name\" = \"$host\" ]; then address=\"$ip\"; break 2; fi",
      "    done",
      "  done < \"$LOCAL_ARMADA_HOSTS_FILE\"",
      "fi",
      "connect='exec 3<>\"/dev/tcp/$1/$2\"'",
      "if command -v timeout >/dev/null 2>&1; then",
      "  timeout \"$wait_secs\" bash -c \"$connect\" nc \"$address\" \"$port\" 2>/dev/null",
      "else",
      "  bash -c \"$connect\" nc \"$address\" \"$port\" 2>/dev/null",
      "fi",
      "rc=$?",
      "if [ \"$verbose\" = 1 ]; then",
      "  if [ $rc = 0 ]; then echo \"$host ($address:$port) open\" >&2; else echo \"$host ($address:$port) closed\" >&2; fi",
      "fi",
      "[ $rc = 0 ] || exit 1",
      "");

  private BuiltinImages() {}

  /** Writes the busybox image under {@code imagesDir/busybox} and registers it. */
  public static void install(Path imagesDir, ImageRegistry registry) throws IOException {
    Path bin = imagesDir.resolve("busybox").resolve("bin");
    Files.createDirectories(bin);
    Path nc = bin.resolve("nc");
    Files.writeString(nc, NC_SCRIPT, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(nc, PosixFilePermissions.fromString("rwxr-xr-x"));
    LocalImage busybox = new LocalImage(bin.getParent().toAbsolutePath(), ImagePathMapper.identity(), List.of(),
        List.of("sh"), "", Map.of(), List.of(bin.toAbsolutePath().toString()));
    registry.addBuiltin(BUSYBOX_NAMES, busybox);
  }
}
