package io.datamesh.policy.analyzer;

import com.google.protobuf.Empty;
import io.datamesh.policy.PolicyPacks;
import io.datamesh.policy.engine.ConfigSchemas;
import io.datamesh.policy.engine.PolicyPack;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.Rule;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import pulumirpc.AnalyzerGrpc;
import pulumirpc.AnalyzerOuterClass.AnalyzeRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzeStackRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerHandshakeRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerResource;
import pulumirpc.AnalyzerOuterClass.AnalyzerStackConfigureRequest;
import pulumirpc.AnalyzerOuterClass.ConfigureAnalyzerRequest;
import pulumirpc.AnalyzerOuterClass.EnforcementLevel;
import pulumirpc.AnalyzerOuterClass.PolicyConfig;

import java.io.IOException;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The training run of the policy packs' class-data-sharing archive (policy-packs/bin/run-analyzer
 * runs it once per build, under {@code -XX:ArchiveClassesAtExit}): it serves each pack the way
 * {@link AnalyzerMain} does and plays the engine's call sequence against it over loopback, so the
 * archive holds the classes a preview loads — gRPC, protobuf, Jackson, the schema validator, the
 * rules — and a pack's JVM maps them instead of loading and verifying them from the jars.
 */
public final class AnalyzerTraining {
    private AnalyzerTraining() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        EventLoopGroup loop = new NioEventLoopGroup(1);
        try {
            for (PolicyPack pack : PolicyPacks.all()) {
                Server server = AnalyzerMain.serve(pack, loop);
                ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
                try {
                    play(AnalyzerGrpc.newBlockingStub(channel), pack);
                } finally {
                    channel.shutdownNow();
                    server.shutdownNow().awaitTermination();
                }
            }
        } finally {
            loop.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The CLI's sequence (docs/policy-analyzer-protocol.md): Configure carries every policy's level
     * and schema defaults, then Remediate and Analyze per resource and one AnalyzeStack. A resource of
     * every type a rule checks, with no inputs: the rules' missing-input paths are real code paths too.
     */
    private static void play(AnalyzerGrpc.AnalyzerBlockingStub engine, PolicyPack pack) {
        engine.handshake(AnalyzerHandshakeRequest.newBuilder().setEngineAddress("127.0.0.1:0").build());
        engine.configureStack(AnalyzerStackConfigureRequest.newBuilder().setStack("training").setProject("datamesh")
                .setDryRun(true).build());
        engine.getPluginInfo(Empty.getDefaultInstance());
        engine.getAnalyzerInfo(Empty.getDefaultInstance());
        ConfigureAnalyzerRequest.Builder configure = ConfigureAnalyzerRequest.newBuilder();
        TreeSet<String> types = new TreeSet<>();
        for (Rule rule : pack.rules()) {
            configure.putPolicyConfig(rule.name(), PolicyConfig.newBuilder()
                    .setEnforcementLevel(EnforcementLevel.valueOf(pack.levelOf(rule).name()))
                    .setProperties(StructCodec.toStruct(ConfigSchemas.withDefaults(rule, Map.of()))).build());
            if (rule instanceof ResourceRule r) {
                types.addAll(r.resourceTypes());
            }
        }
        engine.configure(configure.build());
        AnalyzeStackRequest.Builder stack = AnalyzeStackRequest.newBuilder();
        for (String type : types) {
            String name = type.substring(type.lastIndexOf(':') + 1);
            String urn = "urn:pulumi:training::datamesh::" + type + "::" + name;
            AnalyzeRequest resource = AnalyzeRequest.newBuilder().setType(type).setUrn(urn).setName(name).build();
            engine.remediate(resource);
            engine.analyze(resource);
            stack.addResources(AnalyzerResource.newBuilder().setType(type).setUrn(urn).setName(name));
        }
        engine.analyzeStack(stack.build());
        engine.cancel(Empty.getDefaultInstance());
    }
}
