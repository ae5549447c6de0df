package io.armadaproject.spark.localarmada.submit;

import io.armadaproject.spark.api.IngressConfig;
import io.armadaproject.spark.api.JobSubmitRequest;
import io.armadaproject.spark.api.JobSubmitRequestItem;
import io.armadaproject.spark.k8s.core.v1.Container;
import io.armadaproject.spark.k8s.core.v1.ContainerPort;
import io.armadaproject.spark.k8s.core.v1.PodSpec;
import io.armadaproject.spark.k8s.core.v1.Toleration;
import io.armadaproject.spark.k8s.resource.Quantity;
import io.armadaproject.spark.localarmada.util.Quantities;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Armada's submit-time validation (reference 4.2 step 2): request rules R1-R4, then item rules I1-I13
 * for every item in order. The first failure wins and its text is returned.
 */
public final class SubmitValidator {

  private static final int MAX_JOB_SET_ID_BYTES = 1024;
  private static final int MAX_CLIENT_ID_LENGTH = 100;
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final SubmitRules rules;
  private final NodeAffinityCheck affinityCheck = new NodeAffinityCheck();
  private final ResourceCheck resourceCheck;

  public SubmitValidator(SubmitRules rules) {
    this.rules = rules;
    this.resourceCheck = new ResourceCheck(rules);
  }

  /** The first validation failure of {@code request}, or empty when it is valid. */
  public Optional<String> validate(JobSubmitRequest request) {
    try {
      check(request);
      return Optional.empty();
    } catch (Rejection rejection) {
      return Optional.of(rejection.getMessage());
    }
  }

  private void check(JobSubmitRequest request) {
    require(!request.getQueue().isEmpty(), "queue is a required field");
    checkGangs(request);
    require(!request.getJobSetId().isEmpty(), "job set id is a required field");
    int jobSetBytes = request.getJobSetId().getBytes(StandardCharsets.UTF_8).length;
    require(jobSetBytes < MAX_JOB_SET_ID_BYTES, "job set id of length " + jobSetBytes
        + " must be less than max character length " + MAX_JOB_SET_ID_BYTES);
    for (JobSubmitRequestItem item : request.getJobRequestItemsList()) {
      checkItem(item);
    }
  }

  private void checkGangs(JobSubmitRequest request) {
    Map<String, JobSubmitRequestItem> firstMembers = new HashMap<>();
    for (JobSubmitRequestItem item : request.getJobRequestItemsList()) {
      GangSpec gang;
      try {
        gang = GangSpec.parse(item.getAnnotationsMap());
      } catch (GangSpec.InvalidGangException e) {
        throw new Rejection("invalid gang information: " + e.getMessage());
      }
      if (gang == null || !gang.isRealGang()) {
        continue;
      }
      String failFast = item.getAnnotationsMap().get(ArmadaAnnotations.FAIL_FAST);
      require(failFast == null || failFast.equals("true"), "gang jobs may not set fail fast flag (annotation - "
          + ArmadaAnnotations.FAIL_FAST + ") to anything but true");
      JobSubmitRequestItem first = firstMembers.putIfAbsent(gang.id(), item);
      if (first == null) {
        continue;
      }
      GangSpec expected = GangSpec.parseValidated(first.getAnnotationsMap());
      require(expected.cardinality() == gang.cardinality(), "inconsistent gang cardinality in gang " + gang.id()
          + ": expected " + expected.cardinality() + " but got " + gang.cardinality());
      String expectedClass = priorityClassOf(first);
      String actualClass = priorityClassOf(item);
      require(expectedClass.equals(actualClass), "inconsistent PriorityClassName in gang " + gang.id()
          + ": expected " + expectedClass + " but got " + actualClass);
      require(expected.uniformityLabel().equals(gang.uniformityLabel()), "inconsistent nodeUniformityLabel in gang "
          + gang.id() + ": expected " + expected.uniformityLabel() + " but got " + gang.uniformityLabel());
    }
  }

  private void checkItem(JobSubmitRequestItem item) {
    require(!item.getNamespace().isEmpty(), "namespace is a required field");
    PodSpec spec = singlePodSpec(item);
    int size = spec.getSerializedSize();
    require(size <= rules.maxPodSpecBytes(), "Pod spec has a size of " + size
        + " bytes which is greater than the maximum allowed size of " + rules.maxPodSpecBytes());
    affinityCheck.check(spec).ifPresent(message -> reject(message));
    resourceCheck.check(spec).ifPresent(message -> reject(message));
    checkInitContainerCpu(spec);
    require(spec.getPriorityClassName().isEmpty() || rules.allowedPriorityClasses().contains(spec.getPriorityClassName()),
        "priority class " + spec.getPriorityClassName() + " is not supported");
    checkGracePeriod(spec);
    checkIngress(item);
    checkContainerPorts(spec);
    require(item.getClientId().length() <= MAX_CLIENT_ID_LENGTH, "client id of length " + item.getClientId().length()
        + " is greater than max allowed length of  " + MAX_CLIENT_ID_LENGTH);
    for (Toleration toleration : spec.getTolerationsList()) {
      require(!rules.restrictedTolerationKeys().contains(toleration.getKey()),
          "toleration " + toleration.getKey() + " is not user settable");
    }
    String band = item.getAnnotationsMap().get(ArmadaAnnotations.PRICE_BAND);
    require(band == null || band.matches("[A-Ha-h]"), "price band " + band + " is not supported");
  }

  private static PodSpec singlePodSpec(JobSubmitRequestItem item) {
    require(item.hasPodSpec() || item.getPodSpecsCount() > 0, "Job must contain at least one PodSpec");
    require(!(item.hasPodSpec() && item.getPodSpecsCount() > 0),
        "PodSpec must be nil if PodSpecs is provided (i.e., these are exclusive)");
    require(item.getPodSpecsCount() <= 1, "Jobs with multiple pods are not supported");
    return item.hasPodSpec() ? item.getPodSpec() : item.getPodSpecs(0);
  }

  private void checkInitContainerCpu(PodSpec spec) {
    if (!rules.initContainersNeedFractionalCpu()) {
      return;
    }
    for (Container init : spec.getInitContainersList()) {
      for (Map<String, Quantity> quantities : java.util.List.of(
          init.getResources().getRequestsMap(), init.getResources().getLimitsMap())) {
        Quantity cpu = quantities.get("cpu");
        if (cpu == null) {
          continue;
        }
        BigDecimal cores = Quantities.parse(cpu.getString());
        require(cores.signum() == 0 || cores.stripTrailingZeros().scale() > 0, "Init container " + init.getName()
            + " contains invalid cpu value " + cpu.getString()
            + ".  All init containers must set requests/limits to fractional cpu e.g. 900m");
      }
    }
  }

  private void checkGracePeriod(PodSpec spec) {
    long grace = spec.getTerminationGracePeriodSeconds();
    require(grace == 0 || (grace >= rules.minGraceSeconds() && grace <= rules.maxGraceSeconds()),
        "terminationGracePeriodSeconds of " + grace + " must be [" + rules.minGraceSeconds() * NANOS_PER_SECOND
            + ", " + rules.maxGraceSeconds() * NANOS_PER_SECOND + "], or omitted");
  }

  private static void checkIngress(JobSubmitRequestItem item) {
    Map<Integer, Integer> configOfPort = new HashMap<>();
    for (int i = 0; i < item.getIngressCount(); i++) {
      IngressConfig ingress = item.getIngress(i);
      require(ingress.getPortsCount() > 0, "ingress contains zero ports. Each ingress should have at least one port");
      for (int port : ingress.getPortsList()) {
        Integer previous = configOfPort.putIfAbsent(port, i);
        require(previous == null, "port " + port + " has two ingress configurations, specified in ingress configs "
            + "with indexes " + previous + " and " + i + ". Each port should at maximum have one ingress configuration");
      }
    }
  }

  private static void checkContainerPorts(PodSpec spec) {
    Map<Integer, String> containerOfPort = new TreeMap<>();
    for (java.util.List<Container> containers : java.util.List.of(
        spec.getContainersList(), spec.getInitContainersList())) {
      for (Container container : containers) {
        for (ContainerPort port : container.getPortsList()) {
          String previous = containerOfPort.putIfAbsent(port.getContainerPort(), container.getName());
          require(previous == null, "container port " + port.getContainerPort()
              + " is exposed multiple times, specified in containers \"" + previous + "\" and \""
              + container.getName() + "\". Should only be exposed once");
        }
      }
    }
  }

  private static String priorityClassOf(JobSubmitRequestItem item) {
    if (item.hasPodSpec()) {
      return item.getPodSpec().getPriorityClassName();
    }
    return item.getPodSpecsCount() > 0 ? item.getPodSpecs(0).getPriorityClassName() : "";
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new Rejection(message);
    }
  }

  private static void reject(String message) {
    throw new Rejection(message);
  }

  /** Control flow for the first failing rule; never escapes this class. */
  private static final class Rejection extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Rejection(String message) {
      super(message, null, false, false);
    }
  }
}
