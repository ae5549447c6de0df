package io.armadaproject.spark.localarmada.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UlidsTest {

  @Test
  void idsAreLowerCaseCrockfordAndSortInCreationOrder() {
    long[] now = {1_724_250_000_123L};
    Ulids ulids = new Ulids(() -> now[0], new Random(7));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      ids.add(ulids.next());
      if (i % 10 == 0) {
        now[0]++;
      }
    }
    assertThat(ids).allSatisfy(id -> assertThat(id).matches("[0-7][0-9a-hjkmnp-tv-z]{25}"));
    assertThat(ids).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void timePartEncodesMilliseconds() {
    Ulids ulids = new Ulids(() -> 1L, new Random(1));
    assertThat(ulids.next()).startsWith("0000000001");
  }
}
