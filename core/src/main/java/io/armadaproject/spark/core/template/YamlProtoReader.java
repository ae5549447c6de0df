package io.armadaproject.spark.core.template;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.armadaproject.spark.core.config.EditDistance;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML into any of our protobuf messages, strictly and generically (driven by the message
 * descriptors, so every field of the Kubernetes pod spec is kept). Keys may be camelCase or
 * snake_case; an unknown key, a wrong type or bad YAML is an error naming the line and field path.
 * Kubernetes quantities ({@code 500m}, {@code 1Gi}) and int-or-string values are written as in
 * Kubernetes YAML.
 */
public final class YamlProtoReader {
  private static final String QUANTITY = "k8s.io.apimachinery.pkg.api.resource.Quantity";
  private static final String INT_OR_STRING = "k8s.io.apimachinery.pkg.util.intstr.IntOrString";
  /** Go structs embedded with json ",inline" in the Kubernetes API: separate messages in its protos. */
  private static final Set<String> INLINE_TYPES = Set.of("ProbeHandler", "VolumeSource", "LocalObjectReference");

  private YamlProtoReader() {}

  /** Merges {@code yaml} into {@code builder}. */
  public static void read(String yaml, Message.Builder builder) throws TemplateException {
    Node root;
    try {
      root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
    } catch (MarkedYAMLException e) {
      throw new TemplateException("line " + (e.getProblemMark().getLine() + 1) + ": not valid YAML: " + e.getProblem());
    } catch (YAMLException e) {
      throw new TemplateException("not valid YAML: " + e.getMessage());
    }
    if (root == null) {
      throw new TemplateException("is empty");
    }
    readMessage(root, builder, "");
  }

  private static void readMessage(Node node, Message.Builder builder, String path) throws TemplateException {
    Descriptor type = builder.getDescriptorForType();
    if (!(node instanceof MappingNode)) {
      throw error(node, path, "must be a mapping (an object of " + type.getName() + " fields)");
    }
    Set<String> seen = new HashSet<>();
    for (NodeTuple tuple : ((MappingNode) node).getValue()) {
      String key = scalar(tuple.getKeyNode(), path);
      String fieldPath = path.isEmpty() ? key : path + "." + key;
      Message.Builder target = builder;
      FieldDescriptor field = field(type, key);
      if (field == null) { // Kubernetes writes some embedded structs inline, e.g. a probe's httpGet
        for (FieldDescriptor inline : inlineFields(type)) {
          if (field(inline.getMessageType(), key) != null) {
            target = builder.getFieldBuilder(inline);
            field = field(inline.getMessageType(), key);
          }
        }
      }
      if (field == null) {
        throw error(tuple.getKeyNode(), fieldPath, "is not a field of " + type.getName() + nearest(type, key));
      }
      if (!seen.add(field.getFullName())) {
        throw error(tuple.getKeyNode(), fieldPath, "is given twice");
      }
      readField(tuple.getValueNode(), target, field, fieldPath);
    }
  }

  private static void readField(Node value, Message.Builder builder, FieldDescriptor field, String fieldPath)
      throws TemplateException {
    if (isNull(value)) {
      return;
    }
    if (field.isMapField()) {
      readMap(value, builder, field, fieldPath);
    } else if (field.isRepeated()) {
      if (!(value instanceof SequenceNode)) {
        throw error(value, fieldPath, "must be a list");
      }
      int i = 0;
      for (Node element : ((SequenceNode) value).getValue()) {
        builder.addRepeatedField(field, value(element, builder, field, fieldPath + "[" + i++ + "]"));
      }
    } else {
      builder.setField(field, value(value, builder, field, fieldPath));
    }
  }

  /** Message fields whose own fields Kubernetes YAML writes at the parent's level. */
  private static List<FieldDescriptor> inlineFields(Descriptor type) {
    List<FieldDescriptor> out = new ArrayList<>();
    for (FieldDescriptor f : type.getFields()) {
      if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !f.isRepeated()
          && INLINE_TYPES.contains(f.getMessageType().getName())) {
        out.add(f);
      }
    }
    return out;
  }

  private static void readMap(Node node, Message.Builder builder, FieldDescriptor field, String path)
      throws TemplateException {
    if (!(node instanceof MappingNode)) {
      throw error(node, path, "must be a mapping of keys to values");
    }
    Descriptor entryType = field.getMessageType();
    FieldDescriptor keyField = entryType.findFieldByName("key");
    FieldDescriptor valueField = entryType.findFieldByName("value");
    for (NodeTuple tuple : ((MappingNode) node).getValue()) {
      String key = scalar(tuple.getKeyNode(), path);
      Message.Builder entry = builder.newBuilderForField(field);
      entry.setField(keyField, scalarValue(tuple.getKeyNode(), keyField, path));
      entry.setField(valueField, value(tuple.getValueNode(), entry, valueField, path + "." + key));
      builder.addRepeatedField(field, entry.build());
    }
  }

  private static Object value(Node node, Message.Builder parent, FieldDescriptor field, String path)
      throws TemplateException {
    if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
      return scalarValue(node, field, path);
    }
    Message.Builder child = parent.newBuilderForField(field);
    String typeName = field.getMessageType().getFullName();
    if (typeName.equals(QUANTITY)) {
      String text = scalar(node, path);
      if (!io.armadaproject.spark.core.model.Quantities.isValid(text)) {
        throw error(node, path, "\"" + text + "\" is not a Kubernetes quantity (e.g. 500m, 2, 1Gi)");
      }
      return child.setField(field.getMessageType().findFieldByName("string"), text).build();
    }
    if (typeName.equals(INT_OR_STRING)) {
      Descriptor t = field.getMessageType();
      String text = scalar(node, path);
      if (((ScalarNode) node).getTag().equals(Tag.INT)) {
        return child.setField(t.findFieldByName("type"), 0L).setField(t.findFieldByName("intVal"), Integer.parseInt(text))
            .build();
      }
      return child.setField(t.findFieldByName("type"), 1L).setField(t.findFieldByName("strVal"), text).build();
    }
    readMessage(node, child, path);
    return child.build();
  }

  private static Object scalarValue(Node node, FieldDescriptor field, String path) throws TemplateException {
    String text = scalar(node, path);
    try {
      switch (field.getJavaType()) {
        case STRING:
          return text;
        case BOOLEAN:
          if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
            throw error(node, path, "\"" + text + "\" is not true or false");
          }
          return Boolean.parseBoolean(text);
        case INT:
          return Integer.parseInt(text);
        case LONG:
          return Long.parseLong(text);
        case DOUBLE:
          return Double.parseDouble(text);
        case FLOAT:
          return Float.parseFloat(text);
        case ENUM:
          for (EnumValueDescriptor v : field.getEnumType().getValues()) {
            if (v.getName().equalsIgnoreCase(text)) {
              return v;
            }
          }
          throw error(node, path, "\"" + text + "\" is not one of " + field.getEnumType().getValues());
        default:
          throw error(node, path, "has a type templates do not support");
      }
    } catch (NumberFormatException e) {
      throw error(node, path, "\"" + text + "\" is not a " + field.getJavaType().name().toLowerCase(Locale.ROOT));
    }
  }

  private static String scalar(Node node, String path) throws TemplateException {
    if (!(node instanceof ScalarNode)) {
      throw error(node, path, "must be a single value, not a list or mapping");
    }
    return ((ScalarNode) node).getValue();
  }

  private static boolean isNull(Node node) {
    return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
  }

  /** The field named {@code key} in camelCase (JSON name) or snake_case (proto name). */
  private static FieldDescriptor field(Descriptor type, String key) {
    for (FieldDescriptor f : type.getFields()) {
      if (f.getName().equals(key) || f.getJsonName().equals(key)) {
        return f;
      }
    }
    return null;
  }

  private static String nearest(Descriptor type, String key) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    List<FieldDescriptor> candidates = new ArrayList<>(type.getFields());
    for (FieldDescriptor inline : inlineFields(type)) {
      candidates.remove(inline);
      candidates.addAll(inline.getMessageType().getFields());
    }
    for (FieldDescriptor f : candidates) {
      int d = EditDistance.between(key.toLowerCase(Locale.ROOT), f.getJsonName().toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = f.getJsonName();
      }
    }
    return best == null ? "" : " (did you mean " + best + "?)";
  }

  private static TemplateException error(Node node, String path, String problem) {
    String where = node.getStartMark() == null ? "" : "line " + (node.getStartMark().getLine() + 1) + ": ";
    return new TemplateException(where + (path.isEmpty() ? "the document" : path) + " " + problem);
  }
}
