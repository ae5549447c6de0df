package io.armadaproject.spark.submit.cluster;

import io.armadaproject.spark.core.client.ArmadaEndpoint;
import io.armadaproject.spark.core.model.GangSpec;
import io.armadaproject.spark.submit.SubmitArguments;
import io.armadaproject.spark.submit.auth.ArmadaCredentials;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a cluster-mode submission needs, checked and with every default applied. Built once
 * by {@link SubmissionResolver}; the job factories only read it.
 */
public final class ResolvedSubmission {
  final SubmitArguments args;
  final ArmadaEndpoint endpoint;
  final String driverMasterUrl;
  final String queue;
  final String jobSetId;
  final String appId;
  final String appName;
  final String namespace;
  final RoleSpec driver;
  final RoleSpec executor;
  final Optional<GangSpec> gang;
  final int executorCount;
  final int driverPort;
  final String executorCores;
  final long executorHeapMiB;
  final long driverHeapMiB;
  final String initImage;
  final String initCpu;
  final String initMemory;
  final Duration executorConnectionTimeout;
  final Duration healthTimeout;
  final String lookoutUrl;
  final boolean watchDriver;
  final ArmadaCredentials credentials;
  final boolean dryRun;
  final Optional<String> dryRunProtobufFile;
  final Optional<String> driverServiceName;
  final Duration watchTimeout;
  final DriverUi driverUi;

  ResolvedSubmission(Builder b) {
    this.args = b.args;
    this.endpoint = b.endpoint;
    this.driverMasterUrl = b.driverMasterUrl;
    this.queue = b.queue;
    this.jobSetId = b.jobSetId;
    this.appId = b.appId;
    this.appName = b.appName;
    this.namespace = b.namespace;
    this.driver = b.driver;
    this.executor = b.executor;
    this.gang = b.gang;
    this.executorCount = b.executorCount;
    this.driverPort = b.driverPort;
    this.executorCores = b.executorCores;
    this.executorHeapMiB = b.executorHeapMiB;
    this.driverHeapMiB = b.driverHeapMiB;
    this.initImage = b.initImage;
    this.initCpu = b.initCpu;
    this.initMemory = b.initMemory;
    this.executorConnectionTimeout = b.executorConnectionTimeout;
    this.healthTimeout = b.healthTimeout;
    this.lookoutUrl = b.lookoutUrl;
    this.watchDriver = b.watchDriver;
    this.credentials = b.credentials;
    this.dryRun = b.dryRun;
    this.dryRunProtobufFile = b.dryRunProtobufFile;
    this.driverServiceName = b.driverServiceName;
    this.watchTimeout = b.watchTimeout;
    this.driverUi = b.driverUi;
  }

  public ArmadaCredentials credentials() {
    return credentials;
  }

  public ArmadaEndpoint endpoint() {
    return endpoint;
  }

  public String queue() {
    return queue;
  }

  public String jobSetId() {
    return jobSetId;
  }

  public String appId() {
    return appId;
  }

  public int executorCount() {
    return executorCount;
  }

  public Optional<GangSpec> gang() {
    return gang;
  }

  public Duration healthTimeout() {
    return healthTimeout;
  }

  public String lookoutUrl() {
    return lookoutUrl;
  }

  public boolean watchDriver() {
    return watchDriver;
  }

  /** Cpu and memory of one container, requests and limits. */
  static final class PodResources {
    final String cpuRequest;
    final String cpuLimit;
    final String memoryRequest;
    final String memoryLimit;

    PodResources(String cpuRequest, String cpuLimit, String memoryRequest, String memoryLimit) {
      this.cpuRequest = cpuRequest;
      this.cpuLimit = cpuLimit;
      this.memoryRequest = memoryRequest;
      this.memoryLimit = memoryLimit;
    }
  }

  /** Mutable holder used by the resolver only. */
  static final class Builder {
    SubmitArguments args;
    ArmadaEndpoint endpoint;
    String driverMasterUrl;
    String queue;
    String jobSetId;
    String appId;
    String appName;
    String namespace;
    RoleSpec driver;
    RoleSpec executor;
    Optional<GangSpec> gang = Optional.empty();
    int executorCount;
    int driverPort;
    String executorCores;
    long executorHeapMiB;
    long driverHeapMiB;
    String initImage;
    String initCpu;
    String initMemory;
    Duration executorConnectionTimeout;
    Duration healthTimeout;
    String lookoutUrl;
    boolean watchDriver;
    ArmadaCredentials credentials;
    boolean dryRun;
    Optional<String> dryRunProtobufFile = Optional.empty();
    Optional<String> driverServiceName = Optional.empty();
    Duration watchTimeout = Duration.ZERO;
    DriverUi driverUi;
  }
}
