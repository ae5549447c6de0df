package io.armadaproject.spark.localarmada.util;

/** An amount of the two resources local-armada schedules: cpu (millicores) and memory (bytes). */
public record Resources(long cpuMillis, long memoryBytes) {

  public static final Resources ZERO = new Resources(0, 0);

  public Resources plus(Resources other) {
    return new Resources(cpuMillis + other.cpuMillis, memoryBytes + other.memoryBytes);
  }

  public Resources minus(Resources other) {
    return new Resources(cpuMillis - other.cpuMillis, memoryBytes - other.memoryBytes);
  }

  /** Component-wise maximum. */
  public Resources max(Resources other) {
    return new Resources(Math.max(cpuMillis, other.cpuMillis), Math.max(memoryBytes, other.memoryBytes));
  }

  public boolean fitsWithin(Resources available) {
    return cpuMillis <= available.cpuMillis && memoryBytes <= available.memoryBytes;
  }

  @Override
  public String toString() {
    return "cpu " + Quantities.formatMillis(cpuMillis) + ", memory " + Quantities.formatBytes(memoryBytes);
  }
}
