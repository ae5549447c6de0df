package io.armadaproject.spark.localarmada.pods;

import java.util.HashSet;
import java.util.Set;

/**
 * Hands out one loopback address per pod: 127.S.1.1, 127.S.1.2, ... 127.S.255.254, never 127.S.0.x.
 * Released addresses are reused only after the whole range was cycled, so a new pod does not inherit
 * connections in TIME_WAIT. S (the second octet) tells local-armada instances on one machine apart,
 * so that pods of two instances never share an address (one's executors reaching the other's driver).
 */
public final class LoopbackAddressPool {

  private static final int FIRST_THIRD_OCTET = 1;
  private static final int SIZE = 255 * 254;

  private final Set<Integer> inUse = new HashSet<>();
  private final int secondOctet;
  private int next;

  /** The range 127.0.x.y. */
  public LoopbackAddressPool() {
    this(0);
  }

  public LoopbackAddressPool(int secondOctet) {
    if (secondOctet < 0 || secondOctet > 255) {
      throw new IllegalArgumentException("second octet " + secondOctet + " is not 0-255");
    }
    this.secondOctet = secondOctet;
  }

  /** A range of its own for this process: 127.(1 + pid % 254).x.y. */
  public static LoopbackAddressPool forThisProcess() {
    return new LoopbackAddressPool(1 + (int) (ProcessHandle.current().pid() % 254));
  }

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

  private String format(int index) {
    return "127." + secondOctet + "." + (FIRST_THIRD_OCTET + index / 254) + "." + (1 + index % 254);
  }
}
