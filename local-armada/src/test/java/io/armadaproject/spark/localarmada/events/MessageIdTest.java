package io.armadaproject.spark.localarmada.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageIdTest {

  @Test
  void parsesAndPrintsTheFourPartForm() {
    MessageId id = MessageId.parse("1724250000123:4:2:1");
    assertThat(id).isEqualTo(new MessageId(1724250000123L, 4, 2, true));
    assertThat(id.toString()).isEqualTo("1724250000123:4:2:1");
    assertThat(MessageId.parse("1:0:0:true")).isEqualTo(new MessageId(1, 0, 0, true));
    assertThat(MessageId.parse("1:0:3:false")).isEqualTo(new MessageId(1, 0, 3, false));
  }

  @Test
  void legacyStorageIdsMeanTheEndOfTheirEntry() {
    assertThat(MessageId.parse("1724250000123-4")).isEqualTo(new MessageId(1724250000123L, 4, 0, true));
  }

  @ParameterizedTest(name = "\"{0}\" is rejected")
  @ValueSource(strings = {"", "abc", "1:2:3", "1:2:3:maybe", "1-2-3", "x-1", "1:2:x:0"})
  void rejectsOtherText(String text) {
    assertThatThrownBy(() -> MessageId.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a valid redis identifier");
  }

  @Test
  void ordersByMillisThenSequenceThenIndex() {
    List<MessageId> ids = new ArrayList<>(List.of(
        new MessageId(2, 0, 0, true), new MessageId(1, 1, 0, false), new MessageId(1, 0, 5, true),
        new MessageId(1, 0, 1, false), new MessageId(1, 1, 1, true)));
    Collections.sort(ids);
    assertThat(ids).extracting(MessageId::toString)
        .containsExactly("1:0:1:0", "1:0:5:1", "1:1:0:0", "1:1:1:1", "2:0:0:1");
  }
}
