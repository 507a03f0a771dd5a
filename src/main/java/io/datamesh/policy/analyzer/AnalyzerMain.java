package io.datamesh.policy.analyzer;

import io.datamesh.policy.PolicyPacks;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * Starts one policy pack as a Pulumi analyzer plugin. The CLI reads the first stdout line as the
 * port, so everything else any library prints goes to stderr: stdout is redirected before anything
 * else runs and the real stream is used exactly once.
 */
public final class AnalyzerMain {
    /** The engine's own gRPC message limit; a big AnalyzeStack would fail below it. */
    private static final int MAX_MESSAGE_BYTES = 400 * 1024 * 1024;

    private AnalyzerMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        PrintStream portLine = System.out;
        System.setOut(System.err);
        AnalyzerArgs parsed = AnalyzerArgs.parse(args);
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                .addService(new PolicyAnalyzer(PolicyPacks.named(parsed.pack())))
                .build()
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.shutdown().awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        portLine.println(server.getPort());
        portLine.flush();
        server.awaitTermination();
    }
}
