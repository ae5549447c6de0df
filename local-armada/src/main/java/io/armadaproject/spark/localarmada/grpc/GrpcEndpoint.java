package io.armadaproject.spark.localarmada.grpc;

import io.armadaproject.spark.localarmada.events.EventStore;
import io.armadaproject.spark.localarmada.jobs.JobController;
import io.armadaproject.spark.localarmada.pods.PodRuntime;
import io.armadaproject.spark.localarmada.queue.QueueRegistry;
import io.armadaproject.spark.localarmada.submit.SubmitValidator;
import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The gRPC port: {@code api.Submit}, {@code api.QueueService}, {@code api.Event} and {@code localarmada.Admin}. */
public final class GrpcEndpoint {

  private final Server server;

  private GrpcEndpoint(Server server) {
    this.server = server;
  }

  /** The services (behind the bearer-token check when {@code token} is not null), for any server to bind. */
  public static List<ServerServiceDefinition> services(QueueRegistry queues, SubmitValidator validator,
      JobController controller, PodRuntime pods, EventStore store, EventStreams streams, String token,
      ServingControl serving) {
    ServerStats stats = new ServerStats();
    QueueOperations queueOperations = new QueueOperations(queues);
    List<BindableService> services = List.of(
        new SubmitServiceImpl(queues, queueOperations, validator, controller, stats),
        new QueueServiceImpl(queueOperations),
        new EventServiceImpl(queues, store, streams),
        new AdminServiceImpl(controller, pods, streams, stats, serving));
    return services.stream()
        .map(service -> token == null
            ? service.bindService()
            : ServerInterceptors.intercept(service, new BearerTokenInterceptor(token)))
        .toList();
  }

  /** Binds {@code bind:port} (0 = any free port) and starts serving: TLS only when {@code tls} is not null. */
  public static GrpcEndpoint start(String bind, int port, ServerTls tls, List<ServerServiceDefinition> services)
      throws IOException {
    NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(bind, port))
        .permitKeepAliveTime(10, TimeUnit.SECONDS)
        .permitKeepAliveWithoutCalls(true);
    if (tls != null) {
      builder.sslContext(tls.sslContext());
    }
    services.forEach(builder::addService);
    return new GrpcEndpoint(builder.build().start());
  }

  public int port() {
    return server.getPort();
  }

  /** Stops accepting calls and waits briefly for calls in flight. */
  public void stop() throws InterruptedException {
    server.shutdown();
    if (!server.awaitTermination(2, TimeUnit.SECONDS)) {
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
