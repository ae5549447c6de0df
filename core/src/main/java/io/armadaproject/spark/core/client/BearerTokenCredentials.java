package io.armadaproject.spark.core.client;

import io.grpc.CallCredentials;
import io.grpc.Metadata;
import io.grpc.Status;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** Adds {@code authorization: Bearer <token>} to every call. The token is never logged or shown. */
final class BearerTokenCredentials extends CallCredentials {
  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final Supplier<String> tokenSupplier;

  BearerTokenCredentials(Supplier<String> tokenSupplier) {
    this.tokenSupplier = tokenSupplier;
  }

  @Override
  public void applyRequestMetadata(RequestInfo info, Executor appExecutor, MetadataApplier applier) {
    appExecutor.execute(() -> apply(applier));
  }

  private void apply(MetadataApplier applier) {
    String token;
    try {
      token = tokenSupplier.get();
    } catch (RuntimeException e) {
      // the exception text could echo the token: report only its type
      applier.fail(Status.UNAUTHENTICATED.withDescription(
          "could not obtain the Armada auth token (" + e.getClass().getSimpleName() + ")"));
      return;
    }
    if (token == null || token.trim().isEmpty()) {
      applier.fail(Status.UNAUTHENTICATED.withDescription("the Armada auth token is empty"));
      return;
    }
    Metadata headers = new Metadata();
    headers.put(AUTHORIZATION, "Bearer " + token.trim());
    applier.apply(headers);
  }

  @Override
  public String toString() {
    return "BearerTokenCredentials{token=<redacted>}";
  }
}
