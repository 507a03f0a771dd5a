package io.datamesh.policy.analyzer;

import io.datamesh.policy.PolicyPacks;
import io.datamesh.policy.engine.PolicyPack;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;

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
        EventLoopGroup loop = new NioEventLoopGroup(1);
        // The CLI waits for each plugin to exit, and HotSpot's exit waits up to 300 ms for any
        // thread blocked in native code, as the selector is: stopping the loop first skips that wait.
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
                loop.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).awaitUninterruptibly(1, TimeUnit.SECONDS)));
        Server server = serve(PolicyPacks.named(parsed.pack()), loop);
        portLine.println(server.getPort());
        portLine.flush();
        server.awaitTermination();
    }

    /**
     * The pack's analyzer on a free loopback port, its one connection served by {@code loop}. Every
     * handler is short and CPU-bound, so it runs on the loop's thread (directExecutor): the engine
     * makes four calls per resource one after another, and a thread hand-off each way is much of a
     * call's time in a young JVM on a busy machine.
     */
    static Server serve(PolicyPack pack, EventLoopGroup loop) throws IOException {
        return NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .bossEventLoopGroup(loop).workerEventLoopGroup(loop).channelType(NioServerSocketChannel.class)
                .directExecutor()
                .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                .addService(new PolicyAnalyzer(pack))
                .build()
                .start();
    }
}
