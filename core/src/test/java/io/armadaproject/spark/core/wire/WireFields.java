package io.armadaproject.spark.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The top-level fields of one encoded message, read straight off the bytes with CodedInputStream. */
final class WireFields {
  static final int VARINT = WireFormat.WIRETYPE_VARINT;
  static final int FIXED64 = WireFormat.WIRETYPE_FIXED64;
  static final int LEN = WireFormat.WIRETYPE_LENGTH_DELIMITED;
  static final int FIXED32 = WireFormat.WIRETYPE_FIXED32;

  /** One field occurrence: number, wire type and its raw value (number or bytes). */
  static final class Field {
    final int number;
    final int wireType;
    final long value;
    final ByteString bytes;

    Field(int number, int wireType, long value, ByteString bytes) {
      this.number = number;
      this.wireType = wireType;
      this.value = value;
      this.bytes = bytes;
    }

    String string() {
      return bytes.toStringUtf8();
    }

    WireFields message() {
      return WireFields.read(bytes);
    }

    double asDouble() {
      return Double.longBitsToDouble(value);
    }
  }

  private final List<Field> fields;

  private WireFields(List<Field> fields) {
    this.fields = fields;
  }

  static WireFields read(ByteString data) {
    CodedInputStream in = data.newCodedInput();
    List<Field> out = new ArrayList<>();
    try {
      while (true) {
        int tag = in.readTag();
        if (tag == 0) {
          break;
        }
        int number = WireFormat.getTagFieldNumber(tag);
        int type = WireFormat.getTagWireType(tag);
        switch (type) {
          case WireFormat.WIRETYPE_VARINT:
            out.add(new Field(number, type, in.readRawVarint64(), null));
            break;
          case WireFormat.WIRETYPE_FIXED64:
            out.add(new Field(number, type, in.readRawLittleEndian64(), null));
            break;
          case WireFormat.WIRETYPE_FIXED32:
            out.add(new Field(number, type, in.readRawLittleEndian32(), null));
            break;
          case WireFormat.WIRETYPE_LENGTH_DELIMITED:
            out.add(new Field(number, type, 0, in.readBytes()));
            break;
          default:
            throw new AssertionError("unexpected wire type " + type + " for field " + number);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new WireFields(out);
  }

  /** Field numbers in encoding order. */
  List<Integer> numbers() {
    return fields.stream().map(f -> f.number).collect(Collectors.toList());
  }

  /** All occurrences of field {@code number}, each asserted to have wire type {@code wireType}. */
  List<Field> all(int number, int wireType) {
    List<Field> found = fields.stream().filter(f -> f.number == number).collect(Collectors.toList());
    assertThat(found).as("occurrences of field %d", number).isNotEmpty();
    assertThat(found).as("wire type of field %d", number).allMatch(f -> f.wireType == wireType);
    return found;
  }

  /** The single occurrence of field {@code number}, asserted to have wire type {@code wireType}. */
  Field one(int number, int wireType) {
    List<Field> found = all(number, wireType);
    assertThat(found).as("occurrences of field %d", number).hasSize(1);
    return found.get(0);
  }

  /** Reads a packed repeated varint payload. */
  static List<Long> packedVarints(ByteString payload) {
    CodedInputStream in = payload.newCodedInput();
    List<Long> values = new ArrayList<>();
    try {
      while (!in.isAtEnd()) {
        values.add(in.readRawVarint64());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return values;
  }
}
