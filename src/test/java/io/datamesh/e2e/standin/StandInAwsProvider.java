package io.datamesh.e2e.standin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Empty;
import io.datamesh.plan.FakeCloud;
import io.datamesh.policy.analyzer.StructCodec;
import io.datamesh.resource.Sentinels;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import pulumirpc.Plugin.PluginInfo;
import pulumirpc.Provider.CheckRequest;
import pulumirpc.Provider.CheckResponse;
import pulumirpc.Provider.ConfigureRequest;
import pulumirpc.Provider.ConfigureResponse;
import pulumirpc.Provider.CreateRequest;
import pulumirpc.Provider.CreateResponse;
import pulumirpc.Provider.DeleteRequest;
import pulumirpc.Provider.DiffRequest;
import pulumirpc.Provider.DiffResponse;
import pulumirpc.Provider.GetSchemaRequest;
import pulumirpc.Provider.GetSchemaResponse;
import pulumirpc.Provider.InvokeRequest;
import pulumirpc.Provider.InvokeResponse;
import pulumirpc.Provider.ProviderHandshakeRequest;
import pulumirpc.Provider.ProviderHandshakeResponse;
import pulumirpc.Provider.ReadRequest;
import pulumirpc.Provider.ReadResponse;
import pulumirpc.Provider.UpdateRequest;
import pulumirpc.Provider.UpdateResponse;
import pulumirpc.ResourceProviderGrpc;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A stand-in for the Pulumi AWS provider plugin that EMULATES THE AWS BEHAVIOURS THE MESH RELIES ON.
 * It speaks the engine's {@code pulumirpc.ResourceProvider} gRPC protocol as {@code pulumi-resource-aws}
 * 6.83.0 so that the real Pulumi CLI, language host and engine can run our program end to end on a
 * machine without AWS. It never talks to AWS. Ids and ARNs come from {@link FakeCloud} (the same rules
 * as the offline plan); the invokes the program makes get deterministic answers.
 *
 * <p>What it enforces (each with its source in docs/aws-behaviours.md) is in
 * {@link LakeFormationEmulator}: Lake Formation settings per account, default permissions copied
 * into new databases and tables, grants and revokes with AWS's refusals, the provider's read-back
 * after a grant, ForceNew replacements, LF-tags and their assignments, catalog resource policies,
 * catalog encryption, KMS key policies, IAM roles and inline policies, and AWS RAM shares. The state
 * of that one emulated AWS is shared by every provider process of an e2e run through the file
 * {@value #STATE_ENV} names; {@link AccessInForce} computes from it what each role could read.
 * Any resource type or input not listed there is still accepted and returned as before.
 *
 * <p>Environment:
 * <ul>
 *   <li>{@value #STATE_ENV}: JSON file of the emulated AWS shared by all processes; default
 *       {@code <recording>.state.json} when {@value #LOG_ENV} is set, else each process emulates an
 *       AWS of its own, in memory. Start each run with a fresh file;</li>
 *   <li>{@value RamSharing#ORGANIZATION_ENV}: {@code false} when the accounts are not in one AWS Organization
 *       with RAM sharing enabled, so RAM shares stay invitations until accepted (default true);</li>
 *   <li>{@value RamSharing#ROLE_INVITATIONS_ENV}: {@code true} for invitations, even inside an Organization,
 *       for shares made for grants to IAM roles (default false);</li>
 *   <li>{@value #LOG_ENV}: JSON-lines file to append operations to (optional): create, update, delete,
 *       and {@code failed} (with an {@code error}), {@code retry} and {@code killed} lines;</li>
 *   <li>{@value #ACCOUNT_ENV}: the account id to act as; else the provider's
 *       {@code allowedAccountIds[0]}, else the account of its {@code assumeRole(s)} role ARN, else
 *       {@value #DEFAULT_ACCOUNT}. The caller is that account's {@code datamesh-deployer} role;</li>
 *   <li>{@value #REGION_ENV}: region when the provider config has none (default us-east-1);</li>
 *   <li>{@value LakeFormationContention#LATENCY_ENV}: milliseconds each emulated Lake Formation call
 *       takes (default 50);</li>
 *   <li>{@value InjectedFaults#THROTTLE_ENV}, {@value InjectedFaults#FAIL_ENV},
 *       {@value InjectedFaults#KILL_ENV}: injected faults, see {@link InjectedFaults}.</li>
 * </ul>
 * The process contract is the plugin one: gRPC on 127.0.0.1, the port alone on the first stdout line.
 */
public final class StandInAwsProvider extends ResourceProviderGrpc.ResourceProviderImplBase {
    public static final String VERSION = "6.83.0";
    public static final String LOG_ENV = "DATAMESH_STANDIN_LOG";
    public static final String ACCOUNT_ENV = "DATAMESH_STANDIN_ACCOUNT_ID";
    public static final String REGION_ENV = "DATAMESH_STANDIN_REGION";
    public static final String STATE_ENV = "DATAMESH_STANDIN_STATE";
    public static final String DEFAULT_ACCOUNT = "111111111111";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> env;
    /** The emulated AWS when no state file is named: this process only (unit tests). */
    private final EmulatedAws inMemory = new EmulatedAws();
    /** The emulated Lake Formation calls of this process, and the provider's retry of them. */
    private final LakeFormationContention contention;
    private final ProviderRetry retry;
    private final InjectedFaults faults;
    private final Runnable halt;
    private volatile String accountId;
    private volatile String region;

    public StandInAwsProvider(Map<String, String> env) {
        // 137: the status of a process killed by SIGKILL, as the engine would see a provider die.
        this(env, LakeFormationContention.Clock.SYSTEM, Math::random, () -> Runtime.getRuntime().halt(137));
    }

    /** With the time, the SDK's jitter and the process's death replaceable, for the unit tests. */
    StandInAwsProvider(Map<String, String> env, LakeFormationContention.Clock clock,
                       java.util.function.DoubleSupplier random, Runnable halt) {
        this.env = env;
        this.accountId = env.getOrDefault(ACCOUNT_ENV, DEFAULT_ACCOUNT);
        this.region = env.getOrDefault(REGION_ENV, "us-east-1");
        this.contention = LakeFormationContention.fromEnv(env, clock);
        this.retry = new ProviderRetry(clock);
        this.faults = InjectedFaults.fromEnv(env, clock, random);
        this.halt = halt;
    }

    public static void main(String[] args) throws Exception {
        var provider = new StandInAwsProvider(System.getenv());
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .maxInboundMessageSize(400 * 1024 * 1024)
                .addService(provider)
                .build()
                .start();
        System.out.println(server.getPort());
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        server.awaitTermination();
    }

    String accountId() {
        return accountId;
    }

    String region() {
        return region;
    }

    // ---- plugin / provider configuration ------------------------------------------------------

    @Override
    public void getPluginInfo(Empty request, StreamObserver<PluginInfo> out) {
        reply(out, PluginInfo.newBuilder().setVersion(VERSION).build());
    }

    @Override
    public void handshake(ProviderHandshakeRequest request, StreamObserver<ProviderHandshakeResponse> out) {
        reply(out, ProviderHandshakeResponse.newBuilder().build());
    }

    @Override
    public void getSchema(GetSchemaRequest request, StreamObserver<GetSchemaResponse> out) {
        reply(out, GetSchemaResponse.newBuilder()
                .setSchema("{\"name\":\"aws\",\"version\":\"" + VERSION + "\"}").build());
    }

    @Override
    public void checkConfig(CheckRequest request, StreamObserver<CheckResponse> out) {
        reply(out, CheckResponse.newBuilder().setInputs(request.getNews()).build());
    }

    @Override
    public void diffConfig(DiffRequest request, StreamObserver<DiffResponse> out) {
        reply(out, DiffResponse.newBuilder().setChanges(DiffResponse.DiffChanges.DIFF_NONE).build());
    }

    @Override
    public void configure(ConfigureRequest request, StreamObserver<ConfigureResponse> out) {
        Map<String, Object> config = new LinkedHashMap<>();
        request.getVariablesMap().forEach((k, v) -> config.put(k.substring(k.lastIndexOf(':') + 1), v));
        if (request.hasArgs()) {
            config.putAll(StructCodec.toPlain(request.getArgs()));
        }
        configure(config);
        reply(out, ConfigureResponse.newBuilder()
                .setSupportsPreview(true)
                .setAcceptSecrets(false)
                .setAcceptResources(false)
                .setAcceptOutputs(false)
                .build());
    }

    /** Applies provider config (plain values, or JSON strings as the engine sends variables). */
    void configure(Map<String, Object> config) {
        if (config.get("region") instanceof String r && !r.isBlank() && !containsUnknown(r)) {
            region = r;
        }
        if (env.containsKey(ACCOUNT_ENV)) {
            return;
        }
        String fromConfig = firstAllowedAccount(config.get("allowedAccountIds"));
        if (fromConfig == null) {
            fromConfig = accountOfRole(config.get("assumeRole"));
        }
        if (fromConfig == null) {
            fromConfig = accountOfRole(config.get("assumeRoles"));
        }
        if (fromConfig != null) {
            accountId = fromConfig;
        }
    }

    private static Object parseJson(Object value) {
        if (value instanceof String s && (s.startsWith("[") || s.startsWith("{"))) {
            try {
                return JSON.readValue(s, Object.class);
            } catch (IOException e) {
                return value;
            }
        }
        return value;
    }

    private static String firstAllowedAccount(Object value) {
        value = parseJson(value);
        if (value instanceof List<?> l && !l.isEmpty()) {
            // `pulumi config set --path 'aws:allowedAccountIds[0]' 0123...` may store a number.
            String s = l.get(0) instanceof Number n ? String.format("%012d", n.longValue()) : String.valueOf(l.get(0));
            return s.matches("\\d{12}") ? s : null;
        }
        return null;
    }

    private static String accountOfRole(Object value) {
        value = parseJson(value);
        if (value instanceof List<?> l && !l.isEmpty()) {
            value = l.get(0);
        }
        if (value instanceof Map<?, ?> m && m.get("roleArn") instanceof String arn) {
            String[] parts = arn.split(":");
            if (parts.length > 4 && parts[4].matches("\\d{12}")) {
                return parts[4];
            }
        }
        return null;
    }

    // ---- resources ----------------------------------------------------------------------------

    @Override
    public void check(CheckRequest request, StreamObserver<CheckResponse> out) {
        reply(out, CheckResponse.newBuilder().setInputs(request.getNews()).build());
    }

    @Override
    public void diff(DiffRequest request, StreamObserver<DiffResponse> out) {
        var news = StructCodec.toPlain(request.getNews());
        boolean haveOldInputs = request.hasOldInputs() && request.getOldInputs().getFieldsCount() > 0;
        var olds = StructCodec.toPlain(haveOldInputs ? request.getOldInputs() : request.getOlds());
        var keys = new TreeSet<>(news.keySet());
        if (haveOldInputs) {
            keys.addAll(olds.keySet());
        }
        var forceNew = LakeFormationEmulator.FORCE_NEW.getOrDefault(typeOf(request.getType(), request.getUrn()), Set.of());
        var b = DiffResponse.newBuilder();
        for (String key : keys) {
            if (!request.getIgnoreChangesList().contains(key) && !Objects.equals(news.get(key), olds.get(key))) {
                b.addDiffs(key);
                if (forceNew.contains("*") || forceNew.contains(key)) {
                    b.addReplaces(key);
                }
            }
        }
        b.setChanges(b.getDiffsCount() == 0 ? DiffResponse.DiffChanges.DIFF_NONE
                : DiffResponse.DiffChanges.DIFF_SOME);
        reply(out, b.build());
    }

    @Override
    public void create(CreateRequest request, StreamObserver<CreateResponse> out) {
        String type = typeOf(request.getType(), request.getUrn());
        String name = nameOf(request.getName(), request.getUrn());
        var inputs = StructCodec.toPlain(request.getProperties());
        var state = computeState(type, name, inputs);
        String id = containsUnknown(inputs) ? "" : FakeCloud.id(type, name, inputs);
        if (!request.getPreview()) {
            String error = emulate("create", type, name, request.getUrn(), id, inputs, aws -> {
                String duplicate = NamedResources.refusal(aws, accountId, type, inputs);
                if (duplicate != null) {
                    throw new LakeFormationEmulator.Refused(duplicate);
                }
                String failure = emulator().create(aws, type, inputs, state);
                NamedResources.made(aws, accountId, type, inputs, state);
                return failure;
            });
            if (error != null) {
                out.onError(Status.UNKNOWN.withDescription(error).asRuntimeException());
                return;
            }
        }
        reply(out, CreateResponse.newBuilder().setId(id).setProperties(StructCodec.toStruct(state)).build());
    }

    @Override
    public void update(UpdateRequest request, StreamObserver<UpdateResponse> out) {
        String type = typeOf(request.getType(), request.getUrn());
        String name = nameOf(request.getName(), request.getUrn());
        var inputs = StructCodec.toPlain(request.getNews());
        var state = computeState(type, name, inputs);
        if (!request.getPreview()) {
            String error = emulate("update", type, name, request.getUrn(), request.getId(), inputs, aws -> {
                String failure = emulator().update(aws, type, inputs, state);
                NamedResources.made(aws, accountId, type, inputs, state);
                return failure;
            });
            if (error != null) {
                out.onError(Status.UNKNOWN.withDescription(error).asRuntimeException());
                return;
            }
        }
        reply(out, UpdateResponse.newBuilder().setProperties(StructCodec.toStruct(state)).build());
    }

    @Override
    public void delete(DeleteRequest request, StreamObserver<Empty> out) {
        String type = typeOf(request.getType(), request.getUrn());
        var properties = StructCodec.toPlain(request.getProperties());
        String error = emulate("delete", type, nameOf(request.getName(), request.getUrn()), request.getUrn(),
                request.getId(), properties, aws -> {
                    emulator().delete(aws, type, properties);
                    NamedResources.deleted(aws, accountId, type, properties);
                    return null;
                });
        if (error != null) {
            out.onError(Status.UNKNOWN.withDescription(error).asRuntimeException());
            return;
        }
        reply(out, Empty.getDefaultInstance());
    }

    /**
     * Applies an operation to the emulated AWS and records it; returns the error the provider would
     * print, or null. A refused operation changes nothing and is recorded as {@code failed}; one the
     * provider fails after AWS applied it (the grant read-back) is recorded as done, then
     * {@code failed}. A Lake Formation write takes the emulated call latency, and meets
     * ConcurrentModificationException when another write of this process holds the same resource
     * ({@link LakeFormationContention}); the provider retries it within its window
     * ({@link ProviderRetry}), each retry recorded as {@code retry}, and a write that runs out of
     * it fails, recorded as {@code failed}. The {@link InjectedFaults} come first (throttled
     * answers, a refusal) and last (the process dies after AWS took the operation).
     */
    private String emulate(String op, String type, String name, String urn, String id, Map<String, Object> props,
                           java.util.function.Function<EmulatedAws, String> change) {
        String apiCall = type.substring(type.indexOf(':') + 1, Math.max(type.indexOf('/'), type.indexOf(':') + 1))
                + ": " + op + " " + type.substring(type.lastIndexOf(':') + 1);
        String refused = faults.throttle(type, apiCall, () -> record("retry", type, name, urn, id, props,
                "ThrottlingException: Rate exceeded: retried by the SDK"));
        if (refused == null) {
            refused = withState(aws -> faults.failOnce(aws, type, apiCall,
                    "arn:aws:sts::" + accountId + ":assumed-role/datamesh-deployer/standin"));
        }
        if (refused != null) {
            record("failed", type, name, urn, id, props, refused);
            return refused;
        }
        String failure = applyWithContention(op, type, name, urn, id, props, change);
        if (failure == null && withState(aws -> faults.killOnce(aws, type))) {
            record("killed", type, name, urn, id, props, "the provider process dies before it answers (injected by "
                    + InjectedFaults.KILL_ENV + ")");
            halt.run();
        }
        return failure;
    }

    private String applyWithContention(String op, String type, String name, String urn, String id,
                                       Map<String, Object> props,
                                       java.util.function.Function<EmulatedAws, String> change) {
        var failure = new String[1];
        Runnable apply = () -> {
            try {
                failure[0] = withState(change);
                record(op, type, name, urn, id, props, null);
                if (failure[0] != null) {
                    record("failed", type, name, urn, id, props, failure[0]);
                }
            } catch (LakeFormationEmulator.Refused refused) {
                failure[0] = refused.getMessage();
                record("failed", type, name, urn, id, props, failure[0]);
            }
        };
        String resource = emulator().contendedResource(type, props);
        if (resource == null) {
            apply.run();
            return failure[0];
        }
        try {
            retry.run(ProviderRetry.window(type, op), () -> contention.call(resource, () -> {
                apply.run();
                return null;
            }), () -> record("retry", type, name, urn, id, props,
                    "ConcurrentModificationException on " + op + " of " + resource + ": retried"));
        } catch (LakeFormationContention.ConcurrentModification e) {
            failure[0] = ProviderRetry.exhausted(type, op, name, e);
            record("failed", type, name, urn, id, props, failure[0]);
        }
        return failure[0];
    }

    private LakeFormationEmulator emulator() {
        return new LakeFormationEmulator(accountId, region, RamSharing.fromEnv(env));
    }

    /**
     * Reads and changes the emulated AWS: the shared state file ({@value #STATE_ENV}, else next to the
     * recording, so that every process of a run that records also shares one AWS), else this process's.
     */
    <T> T withState(java.util.function.Function<EmulatedAws, T> change) {
        String path = env.get(STATE_ENV);
        if ((path == null || path.isBlank()) && env.get(LOG_ENV) != null && !env.get(LOG_ENV).isBlank()) {
            path = env.get(LOG_ENV) + ".state.json";
        }
        if (path == null || path.isBlank()) {
            synchronized (inMemory) {
                return change.apply(inMemory);
            }
        }
        return EmulatedAws.transact(Path.of(path), change);
    }

    /**
     * A refresh (the state's properties given) reads back what it was given. An import (an id alone)
     * reads the emulated AWS: the resource's state and inputs, or no properties when AWS has no such
     * resource, which the engine reports as "does not exist" (step.go, ImportStep.Apply).
     */
    @Override
    public void read(ReadRequest request, StreamObserver<ReadResponse> out) {
        if (request.getProperties().getFieldsCount() == 0 && !request.hasInputs()) {
            String type = typeOf(request.getType(), request.getUrn());
            var held = withState(aws -> NamedResources.read(aws, accountId, type, request.getId()));
            var found = ReadResponse.newBuilder().setId(request.getId());
            held.ifPresent(h -> found.setProperties(StructCodec.toStruct(h.get("state")))
                    .setInputs(StructCodec.toStruct(h.get("inputs"))));
            record(held.isPresent() ? "read" : "read-missing", type, nameOf(request.getName(), request.getUrn()),
                    request.getUrn(), request.getId(), Map.of(), null);
            reply(out, found.build());
            return;
        }
        var b = ReadResponse.newBuilder().setId(request.getId()).setProperties(request.getProperties());
        if (request.hasInputs()) {
            b.setInputs(request.getInputs());
        }
        reply(out, b.build());
    }

    /** Inputs plus FakeCloud's computed values; computed values stay unknown while an input is. */
    Map<String, Object> computeState(String type, String name, Map<String, Object> inputs) {
        var state = FakeCloud.state(type, name, inputs, accountId, region);
        if (containsUnknown(inputs)) {
            for (var e : state.entrySet()) {
                if (!inputs.containsKey(e.getKey())) {
                    e.setValue(Sentinels.UNKNOWN_STRING);
                }
            }
        }
        return state;
    }

    // ---- invokes ------------------------------------------------------------------------------

    @Override
    public void invoke(InvokeRequest request, StreamObserver<InvokeResponse> out) {
        var args = StructCodec.toPlain(request.getArgs());
        Map<String, Object> result = invoke(request.getTok(), args);
        if (result == null) {
            out.onError(Status.UNIMPLEMENTED.withDescription("the stand-in aws provider (a test double) does not "
                    + "answer the invoke " + request.getTok()).asRuntimeException());
            return;
        }
        reply(out, InvokeResponse.newBuilder().setReturn(StructCodec.toStruct(result)).build());
    }

    /** Deterministic answers to the invokes the program makes; null for any other token. */
    Map<String, Object> invoke(String token, Map<String, Object> args) {
        var r = new LinkedHashMap<String, Object>();
        switch (token) {
            case "aws:index/getCallerIdentity:getCallerIdentity" -> {
                r.put("accountId", accountId);
                r.put("arn", "arn:aws:iam::" + accountId + ":role/datamesh-deployer");
                r.put("id", accountId);
                r.put("userId", "AROASTANDIN" + accountId);
            }
            case "aws:iam/getSessionContext:getSessionContext" -> {
                String arn = String.valueOf(args.getOrDefault("arn", "arn:aws:iam::" + accountId
                        + ":role/datamesh-deployer"));
                String issuerArn = arn;
                String issuerName = arn.substring(arn.lastIndexOf('/') + 1);
                String sessionName = "";
                var m = java.util.regex.Pattern.compile("arn:([^:]+):sts::(\\d+):assumed-role/([^/]+)/(.+)")
                        .matcher(arn);
                if (m.matches()) {
                    issuerArn = "arn:" + m.group(1) + ":iam::" + m.group(2) + ":role/" + m.group(3);
                    issuerName = m.group(3);
                    sessionName = m.group(4);
                }
                r.put("arn", arn);
                r.put("id", arn);
                r.put("issuerArn", issuerArn);
                r.put("issuerId", "AROASTANDIN" + accountId);
                r.put("issuerName", issuerName);
                r.put("sessionName", sessionName);
            }
            case "aws:lakeformation/getDataLakeSettings:getDataLakeSettings" -> {
                String catalogId = args.get("catalogId") instanceof String c ? c : accountId;
                r.putAll(withState(aws -> emulator().dataLakeSettings(aws, catalogId)));
            }
            case "aws:index/getRegion:getRegion" -> {
                String name = args.get("name") instanceof String n ? n : region;
                r.put("description", name);
                r.put("endpoint", "ec2." + name + ".amazonaws.com");
                r.put("id", name);
                r.put("name", name);
                r.put("region", name);
            }
            case "aws:index/getPartition:getPartition" -> {
                r.put("dnsSuffix", "amazonaws.com");
                r.put("id", "aws");
                r.put("partition", "aws");
                r.put("reverseDnsPrefix", "com.amazonaws");
            }
            default -> {
                return null;
            }
        }
        return r;
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** True when the value, or anything nested in it, is unknown (preview only). */
    static boolean containsUnknown(Object value) {
        if (value instanceof Map<?, ?> m) {
            return m.values().stream().anyMatch(StandInAwsProvider::containsUnknown);
        } else if (value instanceof List<?> l) {
            return l.stream().anyMatch(StandInAwsProvider::containsUnknown);
        }
        return Sentinels.unknownTypeName(value).isPresent();
    }

    static String typeOf(String type, String urn) {
        if (!type.isEmpty()) {
            return type;
        }
        // urn:pulumi:stack::project::parent$type::name
        String[] parts = urn.split("::");
        String qualified = parts.length >= 3 ? parts[2] : "";
        return qualified.substring(qualified.lastIndexOf('$') + 1);
    }

    static String nameOf(String name, String urn) {
        return !name.isEmpty() ? name : urn.substring(urn.lastIndexOf("::") + 2);
    }

    private void record(String op, String type, String name, String urn, String id, Map<String, Object> props,
                        String error) {
        String path = env.get(LOG_ENV);
        if (path == null || path.isBlank()) {
            return;
        }
        var line = new LinkedHashMap<String, Object>();
        line.put("op", op);
        line.put("type", type);
        line.put("name", name);
        line.put("urn", urn);
        line.put("id", id);
        line.put("accountId", accountId);
        line.put("region", region);
        line.put("properties", props);
        if (error != null) {
            line.put("error", error);
        }
        try {
            byte[] bytes = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
            synchronized (StandInAwsProvider.class) {
                Files.write(Path.of(path), bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot record to " + path, e);
        }
    }

    /** Reads a recording written by {@link #record}: one map per line. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> readRecording(Path path) throws IOException {
        var result = new ArrayList<Map<String, Object>>();
        for (String line : Files.readAllLines(path)) {
            if (!line.isBlank()) {
                result.add(JSON.readValue(line, Map.class));
            }
        }
        return result;
    }

    private static <T> void reply(StreamObserver<T> out, T value) {
        out.onNext(value);
        out.onCompleted();
    }
}
