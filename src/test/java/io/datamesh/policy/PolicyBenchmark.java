package io.datamesh.policy;

import io.datamesh.resource.PlannedResource;
import io.datamesh.policy.analyzer.PolicyAnalyzer;
import io.datamesh.policy.analyzer.StructCodec;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import pulumirpc.AnalyzerGrpc;
import pulumirpc.AnalyzerOuterClass.AnalyzeRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzeStackRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerResource;
import pulumirpc.AnalyzerOuterClass.AnalyzerStackConfigureRequest;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.datamesh.policy.Fixtures.CENTRAL_STACK;
import static io.datamesh.policy.Fixtures.doc;
import static io.datamesh.policy.Fixtures.res;
import static io.datamesh.resource.ResourceTypes.*;

/**
 * Not a test: prints how long both packs take over a 10,000-resource stack, offline and through
 * the analyzer's gRPC server, and the latency of single Analyze calls. See docs/benchmarks.md.
 */
public final class PolicyBenchmark {
    private static final int RESOURCES = 10_000;

    public static void main(String[] args) throws Exception {
        List<PlannedResource> stack = syntheticStack();
        System.out.printf("stack: %d resources, %d findings%n", stack.size(), PolicyRunner.evaluate(stack, CENTRAL_STACK).size());
        for (int i = 0; i < 3; i++) {
            PolicyRunner.evaluate(stack, CENTRAL_STACK);
        }
        System.out.printf("PolicyRunner.evaluate, both packs, %d resources: %s ms%n", stack.size(),
                timings(5, () -> PolicyRunner.evaluate(stack, CENTRAL_STACK)));

        PolicyAnalyzer service = new PolicyAnalyzer(PolicyPacks.named(PolicyPacks.DATAMESH_GOVERNANCE));
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .maxInboundMessageSize(400 * 1024 * 1024).addService(service).build().start();
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext()
                .maxInboundMessageSize(400 * 1024 * 1024).build();
        try {
            var analyzer = AnalyzerGrpc.newBlockingStub(channel);
            analyzer.configureStack(AnalyzerStackConfigureRequest.newBuilder().putAllConfig(CENTRAL_STACK.config()).build());
            AnalyzeStackRequest.Builder request = AnalyzeStackRequest.newBuilder();
            List<AnalyzeRequest> single = new ArrayList<>();
            for (PlannedResource r : stack) {
                var props = StructCodec.toStruct(r.inputs());
                request.addResources(AnalyzerResource.newBuilder().setType(r.type()).setUrn(r.urn()).setName(r.name()).setProperties(props));
                single.add(AnalyzeRequest.newBuilder().setType(r.type()).setUrn(r.urn()).setName(r.name()).setProperties(props).build());
            }
            AnalyzeStackRequest all = request.build();
            for (int i = 0; i < 3; i++) {
                analyzer.analyzeStack(all);
            }
            System.out.printf("gRPC AnalyzeStack (datamesh-governance), %d resources, %.1f MB request: %s ms%n",
                    stack.size(), all.getSerializedSize() / 1e6, timings(5, () -> analyzer.analyzeStack(all)));
            single.forEach(analyzer::analyze);
            long[] latencies = new long[single.size()];
            for (int i = 0; i < latencies.length; i++) {
                long start = System.nanoTime();
                analyzer.analyze(single.get(i));
                latencies[i] = System.nanoTime() - start;
            }
            Arrays.sort(latencies);
            System.out.printf("gRPC Analyze, one resource a call, %d calls: p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                    latencies.length, latencies[latencies.length / 2] / 1e6, latencies[latencies.length * 99 / 100] / 1e6,
                    latencies[latencies.length - 1] / 1e6);
        } finally {
            channel.shutdownNow();
            server.shutdownNow();
        }
    }

    private static String timings(int runs, Runnable body) {
        long[] ms = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            body.run();
            ms[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(ms);
        return "median " + ms[runs / 2] + ", min " + ms[0] + ", max " + ms[runs - 1];
    }

    /** Ten resources a data product (bucket with its controls, a table, its tags and grants), repeated. */
    private static List<PlannedResource> syntheticStack() {
        String policy = doc("{'Statement':[{'Effect':'Deny','Principal':'*','Action':'s3:*','Resource':'*',"
                + "'Condition':{'Bool':{'aws:SecureTransport':'false'}}},{'Effect':'Allow','Principal':"
                + "{'AWS':'arn:aws:iam::111111111111:role/crawler'},'Action':'s3:GetObject','Resource':'*'}]}");
        List<PlannedResource> stack = new ArrayList<>();
        for (int i = 0; stack.size() < RESOURCES; i++) {
            String b = "bucket-" + i;
            String q = "'bucket':'" + b + "'";
            stack.add(res(BUCKET, b, "{" + q + ",'tags':{'datamesh:purpose':'data'}}"));
            stack.add(res(BUCKET_ENCRYPTION, b + "-enc", "{" + q + ",'rules':[{'applyServerSideEncryptionByDefault':"
                    + "{'sseAlgorithm':'aws:kms','kmsMasterKeyId':'k'}}]}"));
            stack.add(res(BUCKET_PUBLIC_ACCESS_BLOCK, b + "-pab", "{" + q + ",'blockPublicAcls':true,"
                    + "'blockPublicPolicy':true,'ignorePublicAcls':true,'restrictPublicBuckets':true}"));
            stack.add(res(BUCKET_POLICY, b + "-policy", Map.of("bucket", b, "policy", policy)));
            stack.add(res(LF_RESOURCE, b + "-loc", "{'arn':'arn:aws:s3:::" + b + "','roleArn':'arn:aws:iam::1:role/r'}"));
            stack.add(res(GLUE_TABLE, "t" + i, "{'databaseName':'db','name':'t" + i + "','storageDescriptor':{'location':"
                    + "'s3://" + b + "/t/','columns':[{'name':'id','type':'int'},{'name':'email','type':'string'}]}}"));
            stack.add(res(LF_RESOURCE_TAG, "t" + i + "-domain", "{'table':{'databaseName':'db','name':'t" + i + "'},"
                    + "'lfTag':{'key':'domain','value':'sales'}}"));
            stack.add(res(LF_RESOURCE_TAG, "t" + i + "-pii", "{'tableWithColumns':{'databaseName':'db','name':'t" + i + "',"
                    + "'columnNames':['email']},'lfTag':{'key':'pii','value':'true'}}"));
            stack.add(res(LF_PERMISSIONS, "g" + i, "{'principal':'333333333333','permissions':['SELECT'],"
                    + "'permissionsWithGrantOptions':['SELECT'],'lfTagPolicy':{'resourceType':'TABLE','expressions':"
                    + "[{'key':'domain','values':['sales']},{'key':'pii','values':['false']}]}}"));
            stack.add(res(KMS_KEY, "k" + i, "{'enableKeyRotation':true}"));
        }
        return stack;
    }

    private PolicyBenchmark() {
    }
}
