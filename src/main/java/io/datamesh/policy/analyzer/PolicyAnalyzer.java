package io.datamesh.policy.analyzer;

import com.google.protobuf.Empty;
import io.datamesh.resource.PlannedResource;
import io.datamesh.resource.ResourceOptions;
import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.policy.engine.PackEvaluator;
import io.datamesh.policy.engine.PolicyConfig;
import io.datamesh.policy.engine.PolicyContext;
import io.datamesh.policy.engine.PolicyFinding;
import io.datamesh.policy.engine.PolicyPack;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.Rule;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import pulumirpc.AnalyzerGrpc;
import pulumirpc.AnalyzerOuterClass.AnalyzeDiagnostic;
import pulumirpc.AnalyzerOuterClass.AnalyzeRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzeResponse;
import pulumirpc.AnalyzerOuterClass.AnalyzeStackRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerHandshakeRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerHandshakeResponse;
import pulumirpc.AnalyzerOuterClass.AnalyzerInfo;
import pulumirpc.AnalyzerOuterClass.AnalyzerResource;
import pulumirpc.AnalyzerOuterClass.AnalyzerResourceOptions;
import pulumirpc.AnalyzerOuterClass.AnalyzerStackConfigureRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerStackConfigureResponse;
import pulumirpc.AnalyzerOuterClass.ConfigureAnalyzerRequest;
import pulumirpc.AnalyzerOuterClass.PolicyConfigSchema;
import pulumirpc.AnalyzerOuterClass.PolicyInfo;
import pulumirpc.AnalyzerOuterClass.PolicyNotApplicable;
import pulumirpc.AnalyzerOuterClass.PolicyType;
import pulumirpc.AnalyzerOuterClass.RemediateResponse;
import pulumirpc.Plugin.PluginInfo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The {@code pulumirpc.Analyzer} service for one pack. Calls may arrive concurrently (the engine
 * analyzes resources in parallel), so the only mutable state is two atomically swapped immutable
 * values: the stack context from ConfigureStack and the evaluator built by Configure.
 */
public final class PolicyAnalyzer extends AnalyzerGrpc.AnalyzerImplBase {
    private final PolicyPack pack;
    /** Each resource rule's answer for a resource of another type, built once: Analyze runs per resource. */
    private final Map<ResourceRule, PolicyNotApplicable> notApplicable = new LinkedHashMap<>();
    private final AtomicReference<PackEvaluator> evaluator;
    private final AtomicReference<PolicyContext> context = new AtomicReference<>(new PolicyContext("", "", Map.of()));

    public PolicyAnalyzer(PolicyPack pack) {
        this.pack = pack;
        this.evaluator = new AtomicReference<>(new PackEvaluator(pack));
        for (Rule rule : pack.rules()) {
            if (rule instanceof ResourceRule r) {
                notApplicable.put(r, PolicyNotApplicable.newBuilder().setPolicyName(rule.name())
                        .setReason("Policy only applies to resources of type "
                                + String.join(", ", r.resourceTypes().stream().sorted().toList())).build());
            }
        }
    }

    @Override
    public void handshake(AnalyzerHandshakeRequest request, StreamObserver<AnalyzerHandshakeResponse> response) {
        reply(response, AnalyzerHandshakeResponse::getDefaultInstance);
    }

    @Override
    public void configureStack(AnalyzerStackConfigureRequest request,
                               StreamObserver<AnalyzerStackConfigureResponse> response) {
        reply(response, () -> {
            context.set(new PolicyContext(request.getStack(), request.getProject(), request.getConfigMap()));
            return AnalyzerStackConfigureResponse.getDefaultInstance();
        });
    }

    @Override
    public void getAnalyzerInfo(Empty request, StreamObserver<AnalyzerInfo> response) {
        reply(response, () -> {
            AnalyzerInfo.Builder info = AnalyzerInfo.newBuilder()
                    .setName(pack.name()).setDisplayName(pack.name()).setVersion(pack.version())
                    .setDescription(pack.description()).setSupportsConfig(true);
            for (Rule rule : pack.rules()) {
                info.addPolicies(PolicyInfo.newBuilder()
                        .setName(rule.name()).setDisplayName(rule.name())
                        .setDescription(rule.description()).setMessage(rule.description())
                        .setEnforcementLevel(wire(pack.levelOf(rule)))
                        .setPolicyType(rule instanceof ResourceRule ? PolicyType.POLICY_TYPE_RESOURCE : PolicyType.POLICY_TYPE_STACK)
                        .setConfigSchema(PolicyConfigSchema.newBuilder()
                                .setProperties(StructCodec.toStruct(rule.configSchema()))));
            }
            return info.build();
        });
    }

    @Override
    public void getPluginInfo(Empty request, StreamObserver<PluginInfo> response) {
        reply(response, () -> PluginInfo.newBuilder().setVersion(pack.version()).build());
    }

    @Override
    public void configure(ConfigureAnalyzerRequest request, StreamObserver<Empty> response) {
        try {
            Map<String, PolicyConfig> config = new LinkedHashMap<>();
            request.getPolicyConfigMap().forEach((name, c) -> config.put(name, new PolicyConfig(
                    Optional.of(EnforcementLevel.valueOf(c.getEnforcementLevel().name())),
                    StructCodec.toPlain(c.getProperties()))));
            evaluator.set(new PackEvaluator(pack, config));
        } catch (IllegalArgumentException e) {
            response.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
            return;
        }
        reply(response, Empty::getDefaultInstance);
    }

    @Override
    public void analyze(AnalyzeRequest request, StreamObserver<AnalyzeResponse> response) {
        reply(response, () -> {
            PlannedResource resource = new PlannedResource(request.getUrn(), request.getType(), request.getName(),
                    Optional.empty(), StructCodec.toPlain(request.getProperties()),
                    options(List.of(), request.getOptions()));
            AnalyzeResponse.Builder result = diagnostics(evaluator.get().analyzeResource(resource, context.get()));
            notApplicable.forEach((rule, answer) -> {
                if (!rule.resourceTypes().contains(request.getType())) {
                    result.addNotApplicable(answer);
                }
            });
            return result.build();
        });
    }

    @Override
    public void analyzeStack(AnalyzeStackRequest request, StreamObserver<AnalyzeResponse> response) {
        reply(response, () -> {
            List<PlannedResource> resources = request.getResourcesList().stream().map(PolicyAnalyzer::planned).toList();
            return diagnostics(evaluator.get().analyzeStack(resources, context.get())).build();
        });
    }

    /** No rule remediates; a remediate level is enforced as mandatory in Analyze instead. */
    @Override
    public void remediate(AnalyzeRequest request, StreamObserver<RemediateResponse> response) {
        reply(response, RemediateResponse::getDefaultInstance);
    }

    @Override
    public void cancel(Empty request, StreamObserver<Empty> response) {
        reply(response, Empty::getDefaultInstance);
    }

    private static PlannedResource planned(AnalyzerResource r) {
        return new PlannedResource(r.getUrn(), r.getType(), r.getName(),
                r.getParent().isEmpty() ? Optional.empty() : Optional.of(r.getParent()), StructCodec.toPlain(r.getProperties()),
                options(r.getDependenciesList(), r.getOptions()));
    }

    /** The engine does not send retainOnDelete to analyzers; no rule reads it from there. */
    private static ResourceOptions options(List<String> dependencies, AnalyzerResourceOptions options) {
        return new ResourceOptions(dependencies, options.getDeleteBeforeReplace(), false, options.getProtect());
    }

    private AnalyzeResponse.Builder diagnostics(List<PolicyFinding> findings) {
        AnalyzeResponse.Builder response = AnalyzeResponse.newBuilder();
        for (PolicyFinding f : findings) {
            Rule rule = pack.rules().stream().filter(r -> r.name().equals(f.policy())).findFirst().orElseThrow();
            response.addDiagnostics(AnalyzeDiagnostic.newBuilder()
                    .setPolicyName(f.policy()).setPolicyPackName(pack.name()).setPolicyPackVersion(pack.version())
                    .setDescription(rule.description()).setMessage(f.message())
                    .setEnforcementLevel(wire(f.level())).setUrn(f.urn()));
        }
        return response;
    }

    private static pulumirpc.AnalyzerOuterClass.EnforcementLevel wire(EnforcementLevel level) {
        return pulumirpc.AnalyzerOuterClass.EnforcementLevel.valueOf(level.name());
    }

    /** Any failure becomes a gRPC error the engine reports, instead of a hung call. */
    private static <T> void reply(StreamObserver<T> response, Supplier<T> body) {
        T result;
        try {
            result = body.get();
        } catch (RuntimeException e) {
            response.onError(Status.UNKNOWN.withDescription(e.getMessage()).withCause(e).asRuntimeException());
            return;
        }
        response.onNext(result);
        response.onCompleted();
    }
}
