package io.armadaproject.spark.localarmada.pods;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoopbackAddressPoolTest {

  @Test
  void handsOutDistinctAddressesOutside127001() {
    LoopbackAddressPool pool = new LoopbackAddressPool();
    List<String> addresses = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      addresses.add(pool.acquire());
    }
    assertThat(addresses.subList(0, 3)).containsExactly("127.0.1.1", "127.0.1.2", "127.0.1.3");
    assertThat(addresses).doesNotHaveDuplicates().allSatisfy(address -> {
      String[] octets = address.split("\\.");
      assertThat(octets[0] + "." + octets[1]).isEqualTo("127.0");
      assertThat(Integer.parseInt(octets[2])).isBetween(1, 255);
      assertThat(Integer.parseInt(octets[3])).isBetween(1, 254);
    });
    assertThat(addresses).contains("127.0.1.254", "127.0.2.1");
  }

  @Test
  void releasedAddressesComeBackAfterACycle() {
    LoopbackAddressPool pool = new LoopbackAddressPool();
    String first = pool.acquire();
    pool.release(first);
    assertThat(pool.acquire()).isEqualTo("127.0.1.2");
    for (int i = 0; i < 255 * 254 - 2; i++) {
      pool.acquire();
    }
    assertThat(pool.acquire()).isEqualTo(first);
  }

  @Test
  void instancesOnOneMachineUseRangesOfTheirOwn() {
    assertThat(new LoopbackAddressPool(7).acquire()).isEqualTo("127.7.1.1");
    assertThat(LoopbackAddressPool.forThisProcess().acquire())
        .isEqualTo("127." + (1 + ProcessHandle.current().pid() % 254) + ".1.1");
  }
}
