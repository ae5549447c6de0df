package io.armadaproject.spark.core.model;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.MapEntry;
import com.google.protobuf.Message;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Writes a protobuf message as YAML with the camelCase field names of Armada's YAML templates.
 * Values of env vars named by {@code secretEnv} are replaced by {@code <redacted>}.
 */
public final class ProtoYaml {
  public static final String REDACTED = "<redacted>";
  private final Predicate<String> secretEnv;

  public ProtoYaml(Predicate<String> secretEnv) {
    this.secretEnv = secretEnv;
  }

  public String write(Message message) {
    StringBuilder out = new StringBuilder();
    fields(message, 0, out);
    return out.toString();
  }

  private void fields(Message message, int indent, StringBuilder out) {
    boolean redact = message.getDescriptorForType().getName().equals("EnvVar")
        && secretEnv.test(String.valueOf(message.getField(message.getDescriptorForType().findFieldByName("name"))));
    for (Map.Entry<FieldDescriptor, Object> e : message.getAllFields().entrySet()) {
      FieldDescriptor f = e.getKey();
      pad(out, indent).append(f.getJsonName()).append(':');
      Object value = redact && f.getName().equals("value") ? REDACTED : e.getValue();
      if (f.isMapField()) {
        map((List<?>) value, indent + 2, out);
      } else if (f.isRepeated()) {
        list(f, (List<?>) value, indent, out);
      } else if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        out.append('\n');
        fields((Message) value, indent + 2, out);
      } else {
        out.append(' ').append(scalar(value)).append('\n');
      }
    }
  }

  private void map(List<?> entries, int indent, StringBuilder out) {
    Map<String, Object> sorted = new TreeMap<>();
    for (Object entry : entries) {
      MapEntry<?, ?> me = (MapEntry<?, ?>) entry;
      sorted.put(String.valueOf(me.getKey()), me.getValue());
    }
    out.append('\n');
    for (Map.Entry<String, Object> e : sorted.entrySet()) {
      pad(out, indent).append(quote(e.getKey())).append(':');
      if (e.getValue() instanceof Message) {
        out.append('\n');
        fields((Message) e.getValue(), indent + 2, out);
      } else {
        out.append(' ').append(scalar(e.getValue())).append('\n');
      }
    }
  }

  private void list(FieldDescriptor f, List<?> values, int indent, StringBuilder out) {
    out.append('\n');
    for (Object v : values) {
      pad(out, indent).append("- ");
      if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        StringBuilder item = new StringBuilder();
        fields((Message) v, indent + 2, item);
        out.append(item.substring(indent + 2));
      } else {
        out.append(scalar(v)).append('\n');
      }
    }
  }

  private static String scalar(Object v) {
    if (v instanceof String) {
      return quote((String) v);
    }
    return String.valueOf(v);
  }

  private static String quote(String s) {
    StringBuilder q = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"':
          q.append("\\\"");
          break;
        case '\\':
          q.append("\\\\");
          break;
        case '\n':
          q.append("\\n");
          break;
        case '\t':
          q.append("\\t");
          break;
        default:
          q.append(c);
      }
    }
    return q.append('"').toString();
  }

  private static StringBuilder pad(StringBuilder out, int indent) {
    for (int i = 0; i < indent; i++) {
      out.append(' ');
    }
    return out;
  }
}
