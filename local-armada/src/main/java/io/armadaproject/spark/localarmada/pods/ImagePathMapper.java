package io.armadaproject.spark.localarmada.pods;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Rewrites paths inside a container image to the local image directory: every {@code /<rootDir>} that is not
 * preceded by a character of {@code [A-Za-z0-9_.-]} and is followed by {@code /}, the end of the text or a
 * character outside that class becomes {@code <DIR>/<rootDir>}. So {@code local:///opt/spark/x.jar} becomes
 * {@code local://<DIR>/opt/spark/x.jar}, while {@code /usr/opt/x} and {@code /optional} stay untouched.
 */
public final class ImagePathMapper {

  private static final String NAME_CHAR = "[A-Za-z0-9_.\\-]";
  private static final ImagePathMapper IDENTITY = new ImagePathMapper(null, List.of());

  private final Pattern pattern;
  private final String directory;

  public ImagePathMapper(Path imageDirectory, List<String> rootDirs) {
    this.directory = imageDirectory == null ? "" : stripTrailingSlash(imageDirectory.toAbsolutePath().normalize().toString());
    this.pattern = rootDirs.isEmpty() ? null : Pattern.compile("(?<!" + NAME_CHAR + ")/("
        + rootDirs.stream().map(Pattern::quote).collect(Collectors.joining("|")) + ")(?!" + NAME_CHAR + ")");
  }

  /** A mapper that changes nothing (images without root directories). */
  public static ImagePathMapper identity() {
    return IDENTITY;
  }

  public String map(String text) {
    if (pattern == null || text == null || text.isEmpty()) {
      return text;
    }
    Matcher matcher = pattern.matcher(text);
    return matcher.replaceAll(match -> Matcher.quoteReplacement(directory + "/" + match.group(1)));
  }

  public List<String> map(List<String> texts) {
    return texts.stream().map(this::map).toList();
  }

  private static String stripTrailingSlash(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
