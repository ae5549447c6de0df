package io.armadaproject.spark.localarmada.pods;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps container image references to local images. A mapping name without a tag matches that repository
 * with any tag (or none); {@code name:tag} matches only that tag. User mappings win over built-in images.
 */
public final class ImageRegistry {

  private record Mapping(String repository, String tag, LocalImage image) {
    boolean matches(ImageReference reference) {
      return repository.equals(reference.repository()) && (tag == null || tag.equals(reference.tag()));
    }
  }

  /** An image reference split into repository and tag (digest dropped). */
  record ImageReference(String repository, String tag) {
    static ImageReference parse(String image) {
      String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
      int colon = withoutDigest.lastIndexOf(':');
      if (colon > withoutDigest.lastIndexOf('/')) {
        return new ImageReference(withoutDigest.substring(0, colon), withoutDigest.substring(colon + 1));
      }
      return new ImageReference(withoutDigest, null);
    }
  }

  private final List<Mapping> userMappings = new ArrayList<>();
  private final List<Mapping> builtins = new ArrayList<>();

  /** Adds a user mapping ({@code --image NAME=DIR}). */
  public void map(String name, LocalImage image) {
    ImageReference reference = ImageReference.parse(name);
    userMappings.add(new Mapping(reference.repository(), reference.tag(), image));
  }

  /** Adds a built-in image answering to every given repository name with any tag. */
  public void addBuiltin(List<String> repositories, LocalImage image) {
    repositories.forEach(repository -> builtins.add(new Mapping(repository, null, image)));
  }

  public Optional<LocalImage> resolve(String image) {
    ImageReference reference = ImageReference.parse(image);
    for (List<Mapping> mappings : List.of(userMappings, builtins)) {
      for (Mapping mapping : mappings) {
        if (mapping.matches(reference)) {
          return Optional.of(mapping.image());
        }
      }
    }
    return Optional.empty();
  }

  /** The pod failure reason for an image nobody mapped. */
  public static String unavailableReason(String image) {
    return "image \"" + image + "\" is not available in local-armada; map it with --image " + image + "=DIR";
  }
}
