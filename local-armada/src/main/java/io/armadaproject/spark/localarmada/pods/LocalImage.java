package io.armadaproject.spark.localarmada.pods;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A container image as a local directory. {@code DIR/image.properties} holds:
 * <ul>
 *   <li>{@code entrypoint} - the image ENTRYPOINT, whitespace-separated words (e.g. {@code /opt/entrypoint.sh});</li>
 *   <li>{@code cmd} - optional image CMD, used when the container sets neither command nor args;</li>
 *   <li>{@code workdir} - the image WORKDIR, recorded only: each container runs in its own directory;</li>
 *   <li>{@code rootDirs} - comma-separated top-level directories the image provides (e.g. {@code opt}),
 *       found under {@code DIR/<rootDir>} and mapped by {@link ImagePathMapper};</li>
 *   <li>{@code env.NAME=value} - the image environment;</li>
 *   <li>{@code path} - optional colon-separated directories prepended to PATH.</li>
 * </ul>
 * Image-internal paths in entrypoint, cmd, env values and path are already mapped to the local directory here.
 *
 * @param directory the image directory
 * @param mapper maps image-internal paths in the container's command, args, env and working dir
 * @param entrypoint mapped ENTRYPOINT words (may be empty)
 * @param cmd mapped CMD words (may be empty)
 * @param workdir the image's WORKDIR as written (informational)
 * @param env mapped image environment
 * @param pathPrefix mapped directories to put first on PATH
 */
public record LocalImage(Path directory, ImagePathMapper mapper, List<String> entrypoint, List<String> cmd,
    String workdir, Map<String, String> env, List<String> pathPrefix) {

  public static final String PROPERTIES_FILE = "image.properties";
  private static final String ENV_PREFIX = "env.";

  /** Loads {@code directory/image.properties}; fails with a message naming the file when it is unusable. */
  public static LocalImage load(Path directory) throws IOException {
    Path file = directory.resolve(PROPERTIES_FILE);
    if (!Files.isRegularFile(file)) {
      throw new IOException("local image directory " + directory + " has no " + PROPERTIES_FILE);
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    List<String> rootDirs = split(properties.getProperty("rootDirs", ""), ",");
    for (String root : rootDirs) {
      if (root.contains("/") || !Files.isDirectory(directory.resolve(root))) {
        throw new IOException(file + ": rootDirs entry \"" + root + "\" is not a directory under " + directory);
      }
    }
    ImagePathMapper mapper = new ImagePathMapper(directory, rootDirs);
    Map<String, String> env = new LinkedHashMap<>();
    properties.stringPropertyNames().stream().filter(name -> name.startsWith(ENV_PREFIX)).sorted()
        .forEach(name -> env.put(name.substring(ENV_PREFIX.length()), mapper.map(properties.getProperty(name))));
    return new LocalImage(directory.toAbsolutePath().normalize(), mapper,
        mapper.map(split(properties.getProperty("entrypoint", ""), "\\s+")),
        mapper.map(split(properties.getProperty("cmd", ""), "\\s+")),
        properties.getProperty("workdir", ""),
        Map.copyOf(env),
        mapper.map(split(properties.getProperty("path", ""), ":")));
  }

  private static List<String> split(String text, String separator) {
    return Arrays.stream(text.trim().split(separator)).map(String::trim).filter(part -> !part.isEmpty()).toList();
  }
}
