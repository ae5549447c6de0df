package io.armadaproject.spark.submit;

/** Labels and env var names that tie Armada jobs to a Spark application (Spark's own names). */
public final class SparkLabels {
  public static final String APP_SELECTOR = "spark-app-selector";
  public static final String ROLE = "spark-role";
  public static final String EXEC_ID = "spark-exec-id";
  public static final String ROLE_DRIVER = "driver";
  public static final String ROLE_EXECUTOR = "executor";

  /** Injected by Armada into every container of a job. */
  public static final String ENV_ARMADA_JOB_SET_ID = "ARMADA_JOB_SET_ID";

  private SparkLabels() {}
}
