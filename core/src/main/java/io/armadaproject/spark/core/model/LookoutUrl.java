package io.armadaproject.spark.core.model;

/** Links into Armada's Lookout UI for a job set (the format Lookout's job table reads). */
public final class LookoutUrl {
  private LookoutUrl() {}

  /** The jobs table filtered on one queue and job set. */
  public static String forJobSet(String lookoutBase, String queue, String jobSetId) {
    return trim(lookoutBase)
        + "/?page=0&sort[id]=jobId&sort[desc]=true&ps=50&active=false&refresh=true"
        + "&f[0][id]=queue&f[0][value][0]="
        + queue
        + "&f[0][match]=anyOf&f[1][id]=jobSet&f[1][value]="
        + jobSetId
        + "&f[1][match]=startsWith";
  }

  private static String trim(String base) {
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }
}
