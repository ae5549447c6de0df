package io.armadaproject.spark.localarmada.util;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * Generates lower-case ULIDs (26 Crockford base32 characters: 10 for the millisecond time, 16 for 80
 * random bits), monotonic within one millisecond so ids sort in creation order.
 */
public final class Ulids {

  private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
  private static final BigInteger RANDOM_LIMIT = BigInteger.ONE.shiftLeft(80);

  private final LongSupplier clock;
  private final Random random;
  private long lastMillis = -1;
  private BigInteger lastRandom = BigInteger.ZERO;

  public Ulids() {
    this(System::currentTimeMillis, new SecureRandom());
  }

  public Ulids(LongSupplier clock, Random random) {
    this.clock = clock;
    this.random = random;
  }

  public synchronized String next() {
    long now = Math.max(clock.getAsLong(), lastMillis);
    if (now == lastMillis) {
      lastRandom = lastRandom.add(BigInteger.ONE);
      if (lastRandom.equals(RANDOM_LIMIT)) {
        now++;
        lastRandom = new BigInteger(80, random);
      }
    } else {
      lastRandom = new BigInteger(80, random);
    }
    lastMillis = now;
    char[] out = new char[26];
    long time = now;
    for (int i = 9; i >= 0; i--) {
      out[i] = ALPHABET[(int) (time & 31)];
      time >>>= 5;
    }
    BigInteger rest = lastRandom;
    for (int i = 25; i >= 10; i--) {
      out[i] = ALPHABET[rest.intValue() & 31];
      rest = rest.shiftRight(5);
    }
    return new String(out);
  }
}
