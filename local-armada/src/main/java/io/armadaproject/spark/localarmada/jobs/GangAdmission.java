package io.armadaproject.spark.localarmada.jobs;

import io.armadaproject.spark.localarmada.submit.GangSpec;
import io.armadaproject.spark.localarmada.util.Resources;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One scheduling decision over the queued jobs, in scheduling order. A job that fits the free resources is
 * leased (later, smaller jobs may pass a waiting bigger one). A gang is leased all together once
 * {@code cardinality} consistent members are queued and their summed request fits; until then its members
 * wait. Jobs are rejected when they could never run: bigger than the whole capacity, members of a gang that
 * already left the queue, members inconsistent with their gang, or members beyond its cardinality.
 */
public final class GangAdmission {

  /** Jobs to lease now (in order) and jobs to reject with their reasons. */
  public record Decision(List<LocalJob> leases, Map<LocalJob, String> rejections) {}

  private GangAdmission() {}

  /**
   * @param queued queued jobs in scheduling order
   * @param free resources not used by running jobs
   * @param capacity the machine's whole capacity
   * @param startedGangs keys of gangs that were already leased
   */
  public static Decision decide(List<LocalJob> queued, Resources free, Resources capacity, Set<String> startedGangs) {
    List<LocalJob> leases = new ArrayList<>();
    Map<LocalJob, String> rejections = new LinkedHashMap<>();
    Set<String> seenGangs = new HashSet<>();
    Resources available = free;
    for (LocalJob job : queued) {
      GangSpec gang = job.gang();
      if (gang == null || !gang.isRealGang()) {
        if (!job.request().fitsWithin(capacity)) {
          rejections.put(job, "job requests " + job.request() + " but local-armada's whole capacity is " + capacity);
        } else if (job.request().fitsWithin(available)) {
          leases.add(job);
          available = available.minus(job.request());
        }
        continue;
      }
      if (!seenGangs.add(job.gangKey())) {
        continue;
      }
      List<LocalJob> members = queued.stream().filter(other -> job.gangKey().equals(other.gangKey())).toList();
      if (startedGangs.contains(job.gangKey())) {
        members.forEach(member -> rejections.put(member, "gang " + gang.id()
            + " was already scheduled; jobs cannot join a gang after some of its members left the queue"));
        continue;
      }
      List<LocalJob> consistent = new ArrayList<>();
      for (LocalJob member : members) {
        String problem = inconsistency(job, member);
        if (problem != null) {
          rejections.put(member, problem);
        } else if (consistent.size() == gang.cardinality()) {
          rejections.put(member, "gang " + gang.id() + " already has its " + gang.cardinality() + " members");
        } else {
          consistent.add(member);
        }
      }
      if (consistent.size() < gang.cardinality()) {
        continue;
      }
      Resources total = consistent.stream().map(LocalJob::request).reduce(Resources.ZERO, Resources::plus);
      if (!total.fitsWithin(capacity)) {
        consistent.forEach(member -> rejections.put(member, "gang " + gang.id() + " requests " + total
            + " in total but local-armada's whole capacity is " + capacity));
      } else if (total.fitsWithin(available)) {
        leases.addAll(consistent);
        available = available.minus(total);
      }
    }
    return new Decision(leases, rejections);
  }

  /** Why {@code member} cannot belong to the gang its first queued member {@code first} defines, or null. */
  private static String inconsistency(LocalJob first, LocalJob member) {
    GangSpec expected = first.gang();
    GangSpec actual = member.gang();
    String gangId = expected.id();
    if (expected.cardinality() != actual.cardinality()) {
      return "inconsistent gang cardinality in gang " + gangId + ": expected " + expected.cardinality()
          + " but got " + actual.cardinality();
    }
    if (!expected.uniformityLabel().equals(actual.uniformityLabel())) {
      return "inconsistent nodeUniformityLabel in gang " + gangId + ": expected " + expected.uniformityLabel()
          + " but got " + actual.uniformityLabel();
    }
    String expectedClass = first.spec().getPodSpec().getPriorityClassName();
    String actualClass = member.spec().getPodSpec().getPriorityClassName();
    if (!expectedClass.equals(actualClass)) {
      return "inconsistent PriorityClassName in gang " + gangId + ": expected " + expectedClass + " but got " + actualClass;
    }
    return null;
  }
}
