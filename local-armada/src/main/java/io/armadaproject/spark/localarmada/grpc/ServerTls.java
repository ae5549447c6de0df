package io.armadaproject.spark.localarmada.grpc;

import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server side of TLS: a PEM certificate chain (leaf first) and its PKCS#8 PEM private key, checked when
 * local-armada starts so that a bad file stops it with one line naming the file instead of failing every
 * handshake later.
 */
public final class ServerTls {

  private static final Pattern CERTIFICATE =
      Pattern.compile("-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----", Pattern.DOTALL);
  private static final Pattern PKCS8_KEY =
      Pattern.compile("-----BEGIN PRIVATE KEY-----(.*?)-----END PRIVATE KEY-----", Pattern.DOTALL);

  private final SslContext sslContext;

  private ServerTls(SslContext sslContext) {
    this.sslContext = sslContext;
  }

  /**
   * Reads and checks {@code certFile} and {@code keyFile}; every failure is an {@link IOException} whose
   * one-line message names the file (or both, when they do not belong together).
   */
  public static ServerTls load(Path certFile, Path keyFile) throws IOException {
    String certText = read("--tls-cert", certFile);
    String keyText = read("--tls-key", keyFile);
    List<X509Certificate> chain = certificates(certFile, certText);
    PrivateKey key = privateKey(keyFile, keyText, chain.get(0).getPublicKey().getAlgorithm());
    checkPair(certFile, keyFile, chain.get(0).getPublicKey(), key);
    try {
      SslContextBuilder builder = SslContextBuilder.forServer(key, chain.toArray(X509Certificate[]::new));
      return new ServerTls(GrpcSslContexts.configure(builder).build());
    } catch (IOException | RuntimeException e) {
      throw new IOException("--tls-cert " + certFile + " and --tls-key " + keyFile + " cannot be used for TLS: "
          + describe(e), e);
    }
  }

  SslContext sslContext() {
    return sslContext;
  }

  private static String read(String flag, Path file) throws IOException {
    try {
      if (Files.isDirectory(file)) {
        throw new IOException("is a directory");
      }
      return Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      String why = e instanceof NoSuchFileException ? "no such file"
          : e instanceof AccessDeniedException ? "permission denied" : describe(e);
      throw new IOException("cannot read " + flag + " file " + file + ": " + why, e);
    }
  }

  private static List<X509Certificate> certificates(Path file, String text) throws IOException {
    List<X509Certificate> chain = new ArrayList<>();
    Matcher matcher = CERTIFICATE.matcher(text);
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      while (matcher.find()) {
        byte[] der = Base64.getMimeDecoder().decode(matcher.group(1));
        chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IOException("--tls-cert file " + file + " holds a certificate that cannot be read: " + describe(e), e);
    }
    if (chain.isEmpty()) {
      throw new IOException("--tls-cert file " + file + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
    }
    return chain;
  }

  private static PrivateKey privateKey(Path file, String text, String algorithm) throws IOException {
    Matcher matcher = PKCS8_KEY.matcher(text);
    if (!matcher.find()) {
      String hint = text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")
          ? " (it is encrypted; local-armada needs an unencrypted key)"
          : text.matches("(?s).*-----BEGIN [A-Z]+ PRIVATE KEY-----.*")
              ? " (convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8)"
              : "";
      throw new IOException("--tls-key file " + file + " holds no PKCS#8 PEM private key (-----BEGIN PRIVATE KEY-----)"
          + hint);
    }
    try {
      byte[] der = Base64.getMimeDecoder().decode(matcher.group(1));
      return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IOException("--tls-key file " + file + " holds no " + algorithm
          + " private key matching the certificate's: " + describe(e), e);
    }
  }

  /** Signs with the key and verifies with the certificate's public key (key types without a known test pass). */
  private static void checkPair(Path certFile, Path keyFile, PublicKey publicKey, PrivateKey key) throws IOException {
    String algorithm = switch (publicKey.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      case "EdDSA", "Ed25519", "Ed448" -> "EdDSA";
      default -> null;
    };
    if (algorithm == null) {
      return;
    }
    byte[] data = new byte[32];
    new SecureRandom().nextBytes(data);
    boolean matches;
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(data);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(publicKey);
      verifier.update(data);
      matches = verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      matches = false;
    }
    if (!matches) {
      throw new IOException("--tls-key file " + keyFile + " is not the private key of the first certificate in "
          + "--tls-cert file " + certFile);
    }
  }

  /** The exception's message on one line (its class name when it has none). */
  private static String describe(Exception e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName();
    }
    return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
  }
}
