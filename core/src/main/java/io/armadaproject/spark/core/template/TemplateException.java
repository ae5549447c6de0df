package io.armadaproject.spark.core.template;

/** A template that cannot be read: where (line and field path) and what is wrong. */
public final class TemplateException extends Exception {
  private static final long serialVersionUID = 1L;

  public TemplateException(String message) {
    super(message);
  }
}
