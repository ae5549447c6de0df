package io.armadaproject.spark.submit.cluster;

import io.armadaproject.spark.core.model.Pods;
import io.armadaproject.spark.k8s.core.v1.Container;
import io.armadaproject.spark.k8s.core.v1.ContainerPort;
import io.armadaproject.spark.k8s.core.v1.EnvVar;
import io.armadaproject.spark.k8s.core.v1.EnvVarSource;
import io.armadaproject.spark.k8s.core.v1.HTTPGetAction;
import io.armadaproject.spark.k8s.core.v1.LocalObjectReference;
import io.armadaproject.spark.k8s.core.v1.Probe;
import io.armadaproject.spark.k8s.core.v1.ProbeHandler;
import io.armadaproject.spark.k8s.core.v1.SecretKeySelector;
import io.armadaproject.spark.k8s.core.v1.VolumeMount;
import io.armadaproject.spark.k8s.intstr.IntOrString;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The OAuth2-proxy in front of the driver's UI: a native sidecar (an init container that keeps
 * running) on the driver pod. Its secrets reach it only through env vars, never as arguments.
 */
final class OAuthProxySidecar {
  static final String CLIENT_SECRET_ENV = "OAUTH2_PROXY_CLIENT_SECRET";
  static final String COOKIE_SECRET_ENV = "OAUTH2_PROXY_COOKIE_SECRET";
  /** Env vars whose values are secrets: never printed, redacted in the dry run. */
  static final Set<String> SECRET_ENV = Set.of(CLIENT_SECRET_ENV, COOKIE_SECRET_ENV);

  /** Where the client secret comes from: a literal value or a Kubernetes secret reference. */
  static final class ClientSecret {
    final Optional<String> literal;
    final Optional<String> secretName;
    final String secretKey;

    ClientSecret(Optional<String> literal, Optional<String> secretName, String secretKey) {
      this.literal = literal;
      this.secretName = secretName;
      this.secretKey = secretKey;
    }
  }

  /** A read-only mount of a volume the pod template provides. */
  static final class Mount {
    final String volume;
    final String path;
    final Optional<String> subPath;

    Mount(String volume, String path, Optional<String> subPath) {
      this.volume = volume;
      this.path = path;
      this.subPath = subPath;
    }
  }

  final String image;
  final int port;
  final String cpu;
  final String memory;
  final List<String> args;
  final ClientSecret clientSecret;
  final List<Mount> mounts;

  OAuthProxySidecar(String image, int port, String cpu, String memory, List<String> args,
      ClientSecret clientSecret, List<Mount> mounts) {
    this.image = image;
    this.port = port;
    this.cpu = cpu;
    this.memory = memory;
    this.args = List.copyOf(args);
    this.clientSecret = clientSecret;
    this.mounts = List.copyOf(mounts);
  }

  Container container() {
    Container.Builder c = Container.newBuilder()
        .setName("oauth")
        .setImage(image)
        .setImagePullPolicy("IfNotPresent")
        .setRestartPolicy("Always") // a native sidecar: runs alongside the driver, ends with the pod
        .addAllArgs(args)
        .addPorts(ContainerPort.newBuilder().setName("oauth").setContainerPort(port).setProtocol("TCP"))
        .setResources(Pods.resources(cpu, cpu, memory, memory))
        .setLivenessProbe(Probe.newBuilder()
            .setHandler(ProbeHandler.newBuilder().setHttpGet(HTTPGetAction.newBuilder().setPath("/ping")
                .setPort(IntOrString.newBuilder().setType(0).setIntVal(port))))
            .setInitialDelaySeconds(5).setPeriodSeconds(10).setTimeoutSeconds(3)
            .setFailureThreshold(3).setSuccessThreshold(1))
        .addEnv(clientSecretEnv())
        .addEnv(Pods.env(COOKIE_SECRET_ENV, newCookieSecret()));
    for (Mount m : mounts) {
      VolumeMount.Builder vm = VolumeMount.newBuilder().setName(m.volume).setMountPath(m.path).setReadOnly(true);
      m.subPath.ifPresent(vm::setSubPath);
      c.addVolumeMounts(vm);
    }
    return c.build();
  }

  private EnvVar clientSecretEnv() {
    if (clientSecret.literal.isPresent()) {
      return Pods.env(CLIENT_SECRET_ENV, clientSecret.literal.get());
    }
    return EnvVar.newBuilder().setName(CLIENT_SECRET_ENV)
        .setValueFrom(EnvVarSource.newBuilder().setSecretKeyRef(SecretKeySelector.newBuilder()
            .setLocalObjectReference(LocalObjectReference.newBuilder().setName(clientSecret.secretName.get()))
            .setKey(clientSecret.secretKey)))
        .build();
  }

  /** 32 random characters, new for every submission (the proxy signs its cookies with it). */
  private static String newCookieSecret() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    StringBuilder hex = new StringBuilder();
    for (byte b : bytes) {
      hex.append(String.format("%02x", b));
    }
    return hex.toString();
  }
}
