package io.armadaproject.spark.localarmada.jobs;

import static io.armadaproject.spark.localarmada.TestJobs.container;
import static io.armadaproject.spark.localarmada.TestJobs.gangItem;
import static io.armadaproject.spark.localarmada.TestJobs.item;
import static io.armadaproject.spark.localarmada.TestJobs.pod;
import static io.armadaproject.spark.localarmada.TestJobs.request;
import static io.armadaproject.spark.localarmada.TestJobs.resources;
import static org.assertj.core.api.Assertions.assertThat;

import io.armadaproject.spark.api.JobSubmitRequest;
import io.armadaproject.spark.api.JobSubmitRequestItem;
import io.armadaproject.spark.localarmada.submit.ArmadaAnnotations;
import io.armadaproject.spark.localarmada.submit.JobDefaults;
import io.armadaproject.spark.localarmada.submit.SubmitRules;
import io.armadaproject.spark.localarmada.util.Resources;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GangAdmissionTest {

  private static final Resources CAPACITY = new Resources(4000, 8L << 30);
  private final JobFactory factory = new JobFactory(new JobDefaults(SubmitRules.defaults()));
  private long sequence;

  @Test
  void plainJobsAreLeasedWhileTheyFitAndSmallerOnesMayPass() {
    LocalJob big = job(item(pod(container("m", "i").setResources(resources("3", "1Gi")))));
    LocalJob bigger = job(item(pod(container("m", "i").setResources(resources("2", "1Gi")))));
    LocalJob small = job(item(pod(container("m", "i").setResources(resources("500m", "1Gi")))));
    GangAdmission.Decision decision = GangAdmission.decide(List.of(big, bigger, small), CAPACITY, CAPACITY, Set.of());
    assertThat(decision.leases()).containsExactly(big, small);
    assertThat(decision.rejections()).isEmpty();
  }

  @Test
  void jobsBiggerThanTheWholeCapacityAreRejected() {
    LocalJob huge = job(item(pod(container("m", "i").setResources(resources("8", "1Gi")))));
    GangAdmission.Decision decision = GangAdmission.decide(List.of(huge), CAPACITY, CAPACITY, Set.of());
    assertThat(decision.leases()).isEmpty();
    assertThat(decision.rejections()).containsEntry(huge,
        "job requests cpu 8, memory 1Gi but local-armada's whole capacity is cpu 4, memory 8Gi");
  }

  @Test
  void aGangWaitsUntilAllMembersAreQueuedThenGoesTogether() {
    LocalJob driver = job(gangItem(small(), "g", 3));
    GangAdmission.Decision waiting = GangAdmission.decide(List.of(driver), CAPACITY, CAPACITY, Set.of());
    assertThat(waiting.leases()).isEmpty();
    assertThat(waiting.rejections()).isEmpty();

    LocalJob executor1 = job(gangItem(small(), "g", 3));
    LocalJob executor2 = job(gangItem(small(), "g", 3));
    GangAdmission.Decision complete =
        GangAdmission.decide(List.of(driver, executor1, executor2), CAPACITY, CAPACITY, Set.of());
    assertThat(complete.leases()).containsExactly(driver, executor1, executor2);
  }

  @Test
  void aGangThatDoesNotFitTheFreeResourcesWaitsWhole() {
    List<LocalJob> gang = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      gang.add(job(gangItem(pod(container("m", "i").setResources(resources("1", "1Gi"))), "g", 3)));
    }
    GangAdmission.Decision decision = GangAdmission.decide(gang, new Resources(2500, 8L << 30), CAPACITY, Set.of());
    assertThat(decision.leases()).isEmpty();
    assertThat(decision.rejections()).isEmpty();
  }

  @Test
  void aGangBiggerThanTheCapacityIsRejectedWhole() {
    List<LocalJob> gang = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      gang.add(job(gangItem(pod(container("m", "i").setResources(resources("2", "1Gi"))), "g", 3)));
    }
    GangAdmission.Decision decision = GangAdmission.decide(gang, CAPACITY, CAPACITY, Set.of());
    assertThat(decision.rejections()).containsOnlyKeys(gang)
        .containsValue("gang g requests cpu 6, memory 3Gi in total but local-armada's whole capacity is cpu 4, memory 8Gi");
  }

  @Test
  void inconsistentExtraAndLateMembersAreRejected() {
    LocalJob first = job(gangItem(small(), "g", 2));
    LocalJob otherCardinality = job(gangItem(small(), "g", 3));
    LocalJob otherLabel = job(gangItem(small(), "g", 2).putAnnotations(ArmadaAnnotations.GANG_NODE_UNIFORMITY_LABEL, "zone"));
    LocalJob second = job(gangItem(small(), "g", 2));
    LocalJob extra = job(gangItem(small(), "g", 2));
    GangAdmission.Decision decision = GangAdmission.decide(
        List.of(first, otherCardinality, otherLabel, second, extra), CAPACITY, CAPACITY, Set.of());
    assertThat(decision.leases()).containsExactly(first, second);
    assertThat(decision.rejections()).containsOnlyKeys(otherCardinality, otherLabel, extra);
    assertThat(decision.rejections().get(otherCardinality)).isEqualTo("inconsistent gang cardinality in gang g: expected 2 but got 3");
    assertThat(decision.rejections().get(otherLabel))
        .isEqualTo("inconsistent nodeUniformityLabel in gang g: expected  but got zone");
    assertThat(decision.rejections().get(extra)).isEqualTo("gang g already has its 2 members");

    LocalJob late = job(gangItem(small(), "g", 2));
    GangAdmission.Decision afterStart = GangAdmission.decide(List.of(late), CAPACITY, CAPACITY, Set.of(late.gangKey()));
    assertThat(afterStart.rejections()).containsKey(late);
  }

  @Test
  void gangsOfOneAreScheduledLikePlainJobs() {
    LocalJob single = job(gangItem(small(), "solo", 1));
    assertThat(GangAdmission.decide(List.of(single), CAPACITY, CAPACITY, Set.of()).leases()).containsExactly(single);
  }

  @Test
  void schedulingResourcesAreTheMaxOfMainSumAndInitMax() {
    LocalJob job = job(item(pod(container("a", "i").setResources(resources("1", "1Gi")),
        container("b", "i").setResources(resources("500m", "1Gi"))).toBuilder()
        .addInitContainers(container("init", "i").setResources(resources("900m", "3Gi"))).build()));
    assertThat(job.request()).isEqualTo(new Resources(1500, 3L << 30));
  }

  private static io.armadaproject.spark.k8s.core.v1.PodSpec small() {
    return pod(container("m", "i").setResources(resources("500m", "512Mi")));
  }

  private LocalJob job(JobSubmitRequestItem.Builder item) {
    JobSubmitRequest request = request("q", "set", item);
    return factory.create(request, request.getJobRequestItems(0), "job" + sequence, sequence++, Instant.EPOCH, "me");
  }
}
