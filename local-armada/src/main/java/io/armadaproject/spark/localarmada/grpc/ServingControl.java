package io.armadaproject.spark.localarmada.grpc;

import java.time.Duration;
import java.util.function.Consumer;

/** Lets the admin API take the gRPC port down for a while (an Armada outage); wired by the server. */
public final class ServingControl {
  private volatile Consumer<Duration> outage = d -> {
    throw new IllegalStateException("local-armada is not serving yet");
  };

  public void bind(Consumer<Duration> outage) {
    this.outage = outage;
  }

  void outage(Duration duration) {
    outage.accept(duration);
  }
}
