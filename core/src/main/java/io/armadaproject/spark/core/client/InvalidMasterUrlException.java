package io.armadaproject.spark.core.client;

/** A Spark master URL that is not of the form {@code armada://<host>:<port>}. */
public class InvalidMasterUrlException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  static final String EXPECTED =
      "expected armada://<host>:<port> (or armada+tls://<host>:<port> for TLS),"
          + " e.g. armada://localhost:50051";

  private final String url;
  private final String problem;

  public InvalidMasterUrlException(String url, String problem) {
    super(message(url, problem));
    this.url = url;
    this.problem = problem;
  }

  /** The URL as given (user info, if any, masked). */
  public String url() {
    return url;
  }

  /** What exactly is wrong with it. */
  public String problem() {
    return problem;
  }

  private static String message(String url, String problem) {
    String shown = url == null ? "null" : "\"" + url + "\"";
    String text = "Invalid Armada master URL " + shown + ": " + EXPECTED;
    return problem == null || problem.isEmpty() ? text : text + "; " + problem;
  }
}
