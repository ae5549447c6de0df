package io.armadaproject.spark.localarmada.pods;

import java.util.HashSet;
import java.util.Set;

/**
 * Hands out one loopback address per pod: 127.0.1.1, 127.0.1.2, ... 127.0.255.254, never 127.0.0.x.
 * Released addresses are reused only after the whole range was cycled, so a new pod does not inherit
 * connections in TIME_WAIT.
 */
public final class LoopbackAddressPool {

  private static final int FIRST_THIRD_OCTET = 1;
  private static final int SIZE = 255 * 254;

  private final Set<Integer> inUse = new HashSet<>();
  private int next;

  public synchronized String acquire() {
    for (int tried = 0; tried < SIZE; tried++) {
      int candidate = next;
      next = (next + 1) % SIZE;
      if (inUse.add(candidate)) {
        return format(candidate);
      }
    }
    throw new IllegalStateException("all " + SIZE + " loopback pod addresses are in use");
  }

  public synchronized void release(String address) {
    String[] octets = address.split("\\.");
    inUse.remove((Integer.parseInt(octets[2]) - FIRST_THIRD_OCTET) * 254 + Integer.parseInt(octets[3]) - 1);
  }

  private static String format(int index) {
    return "127.0." + (FIRST_THIRD_OCTET + index / 254) + "." + (1 + index % 254);
  }
}
