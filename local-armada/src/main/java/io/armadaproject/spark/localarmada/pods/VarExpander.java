package io.armadaproject.spark.localarmada.pods;

import java.util.function.Function;

/**
 * Kubernetes {@code $(VAR)} expansion for command, args and env values: {@code $(NAME)} becomes the value of
 * NAME when it is defined and stays as written otherwise; {@code $$} is an escaped {@code $}, so
 * {@code $$(X)} yields the literal {@code $(X)}.
 */
public final class VarExpander {

  private VarExpander() {}

  /** Expands {@code text}; {@code lookup} returns null for undefined names. */
  public static String expand(String text, Function<String, String> lookup) {
    if (text.indexOf('$') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != '$' || i + 1 == text.length()) {
        out.append(c);
        i++;
        continue;
      }
      char next = text.charAt(i + 1);
      if (next == '$') {
        out.append('$');
        i += 2;
      } else if (next == '(') {
        int close = text.indexOf(')', i + 2);
        if (close < 0) {
          out.append(text, i, text.length());
          break;
        }
        String name = text.substring(i + 2, close);
        String value = name.isEmpty() ? null : lookup.apply(name);
        out.append(value != null ? value : text.substring(i, close + 1));
        i = close + 1;
      } else {
        out.append(c).append(next);
        i += 2;
      }
    }
    return out.toString();
  }
}
