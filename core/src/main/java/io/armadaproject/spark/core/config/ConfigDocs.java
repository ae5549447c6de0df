package io.armadaproject.spark.core.config;

/** Renders the registry as the Markdown page docs/configuration.md. */
public final class ConfigDocs {
  private ConfigDocs() {}

  public static String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# armada-spark configuration\n\n")
        .append("<!-- Generated from ArmadaConfigKeys by ConfigDocs; ConfigDocsTest fails when this page is stale.\n")
        .append("     Regenerate: mvn -pl core test -Dtest=ConfigDocsTest -Dconfig.docs.write=true -->\n\n")
        .append("Every key is set like any Spark setting: `--conf key=value` on the command line or a line in\n")
        .append("`spark-defaults.conf`. Precedence, per key: `--conf` (and spark-submit's own flags) over\n")
        .append("`spark-defaults.conf` over the default below. A value is checked against its type before\n")
        .append("anything is submitted; a bad one stops the submission with the key, the value and the fix.\n")
        .append("An unknown `spark.armada.*` key is reported with the nearest known key.\n\n")
        .append("Pods are sized from Spark's own settings (`spark.driver.memory`, `spark.driver.cores`,\n")
        .append("`spark.executor.memory`, `spark.executor.memoryOverhead`, `spark.executor.cores`) unless the\n")
        .append("`spark.armada.*.request.*`/`limit.*` keys or a job item template say otherwise. Armada wants\n")
        .append("requests equal to limits: a request or limit given alone is used for both.\n\n")
        .append("## Precedence with job templates\n\n")
        .append("Each field of a job is resolved on its own: the `--conf` key wins, then the role's job item\n")
        .append("template (`spark.armada.driver.jobItemTemplate` / `spark.armada.executor.jobItemTemplate`), then\n")
        .append("the job template (`spark.armada.jobTemplate`), then the default below. Maps merge key by key in\n")
        .append("the same order (labels, annotations, node selectors); everything else a template's pod spec says\n")
        .append("(tolerations, affinity, volumes, probes, security context, sidecars, init containers, ...) is kept.\n")
        .append("armada-spark always sets `restartPolicy: Never`, the main container's name, command and\n")
        .append("arguments, its own env vars, the driver's service and the gang annotations. Details and\n")
        .append("examples: [templates.md](templates.md). Before anything is sent, every job is checked against\n")
        .append("Armada's submit rules (resources, ports, labels, annotations, gang); a job Armada would reject\n")
        .append("stops the submission with the job, the field and the rule.\n\n")
        .append("## Keys\n\n")
        .append("| key | type | default | meaning |\n|---|---|---|---|\n");
    for (ConfigKey key : ArmadaConfigKeys.all()) {
      md.append("| `").append(key.name()).append('`');
      for (String alias : key.aliases()) {
        md.append("<br>(also `").append(alias).append("`)");
      }
      md.append(" | ").append(key.type().description())
          .append(" | ").append(key.defaultValue() == null ? "—" : "`" + key.defaultValue() + "`")
          .append(" | ").append(key.doc().replace("|", "\\|"))
          .append(key.isSecret() ? " Secret: never printed, logged or passed as a pod argument." : "")
          .append(" |\n");
    }
    return md.toString();
  }
}
