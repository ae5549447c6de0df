package io.armadaproject.spark.core.client;

import io.grpc.ChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the Netty channel to Armada: plaintext or TLS, keepalive, message size limit. */
final class ChannelFactory {
  private static final Logger LOG = LoggerFactory.getLogger(ChannelFactory.class);

  private ChannelFactory() {}

  static ManagedChannel create(ArmadaEndpoint endpoint, ArmadaClientOptions options) {
    NettyChannelBuilder builder =
        NettyChannelBuilder.forAddress(endpoint.host(), endpoint.port(), credentials(endpoint, options));
    return builder
        .keepAliveTime(options.keepAliveTime().toMillis(), TimeUnit.MILLISECONDS)
        .keepAliveTimeout(options.keepAliveTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .keepAliveWithoutCalls(false)
        .maxInboundMessageSize(options.maxInboundMessageBytes())
        .userAgent("armada-spark")
        .build();
  }

  private static ChannelCredentials credentials(ArmadaEndpoint endpoint, ArmadaClientOptions options) {
    if (!endpoint.isTls()) {
      if (options.caCertFile().isPresent()) {
        LOG.warn("Ignoring the CA certificate file {}: {} is a plaintext endpoint"
            + " (use armada+tls:// for TLS)", options.caCertFile().get(), endpoint);
      }
      if (options.hasToken()) {
        LOG.warn("Sending the Armada auth token over a plaintext connection to {};"
            + " use armada+tls:// unless this is a trusted local network", endpoint);
      }
      return InsecureChannelCredentials.create();
    }
    if (options.caCertFile().isEmpty()) {
      return TlsChannelCredentials.create();
    }
    Path pem = options.caCertFile().get();
    checkPem(pem);
    try {
      return TlsChannelCredentials.newBuilder().trustManager(pem.toFile()).build();
    } catch (IOException e) {
      throw new ArmadaClientException("Cannot read the CA certificate file " + pem + ": " + e.getMessage(), e);
    }
  }

  /** Fails early, naming the file, instead of failing every call later with an opaque TLS error. */
  private static void checkPem(Path pem) {
    if (!Files.isRegularFile(pem) || !Files.isReadable(pem)) {
      throw new ArmadaClientException("The CA certificate file " + pem + " does not exist or is not readable");
    }
    try (InputStream in = Files.newInputStream(pem)) {
      if (CertificateFactory.getInstance("X.509").generateCertificates(in).isEmpty()) {
        throw new ArmadaClientException("The CA certificate file " + pem + " holds no certificate");
      }
    } catch (IOException | CertificateException e) {
      throw new ArmadaClientException(
          "The CA certificate file " + pem + " is not a PEM X.509 certificate: " + e.getMessage(), e);
    }
  }
}
