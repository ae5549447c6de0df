package io.armadaproject.spark.localarmada.grpc;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/** Requires {@code authorization: Bearer <token>} on every call (scheme compared case-insensitively). */
public final class BearerTokenInterceptor implements ServerInterceptor {

  static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final String SCHEME = "bearer ";

  private final byte[] token;

  public BearerTokenInterceptor(String token) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    String header = headers.get(AUTHORIZATION);
    if (header == null) {
      return reject(call, "Request could not be authenticated: no authorization header; expected \"Bearer <token>\"");
    }
    boolean bearer = header.length() >= SCHEME.length()
        && header.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME);
    byte[] presented = bearer ? header.substring(SCHEME.length()).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
    if (!bearer || !MessageDigest.isEqual(presented, token)) {
      return reject(call, "Request could not be authenticated: invalid bearer token");
    }
    return next.startCall(call, headers);
  }

  private static <Q, R> ServerCall.Listener<Q> reject(ServerCall<Q, R> call, String message) {
    call.close(Status.UNAUTHENTICATED.withDescription(message), new Metadata());
    return new ServerCall.Listener<>() {};
  }
}
