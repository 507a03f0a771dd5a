package io.datamesh.e2e.standin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Empty;
import io.datamesh.plan.FakeCloud;
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
import java.util.Optional;
import java.util.TreeSet;

/**
 * A TEST DOUBLE OF THE PULUMI AWS PROVIDER PLUGIN — not of AWS. It speaks the engine's
 * {@code pulumirpc.ResourceProvider} gRPC protocol as {@code pulumi-resource-aws} 6.83.0 so that the
 * real Pulumi CLI, language host and engine can run our program end to end on a machine without AWS.
 * It never talks to AWS and proves nothing about how AWS would answer: it accepts every resource,
 * returns the inputs plus deterministic computed values ({@link FakeCloud}, the same rules as the
 * offline plan), answers the few invokes the program makes with fixed values, and records every
 * create, update and delete as one JSON line in the file named by {@value #LOG_ENV}.
 *
 * <p>Environment:
 * <ul>
 *   <li>{@value #LOG_ENV}: JSON-lines file to append operations to (optional);</li>
 *   <li>{@value #ACCOUNT_ENV}: the account id to act as; else the provider's
 *       {@code allowedAccountIds[0]}, else the account of its {@code assumeRole(s)} role ARN, else
 *       {@value #DEFAULT_ACCOUNT};</li>
 *   <li>{@value #REGION_ENV}: region when the provider config has none (default us-east-1).</li>
 * </ul>
 * The process contract is the plugin one: gRPC on 127.0.0.1, the port alone on the first stdout line.
 */
public final class StandInAwsProvider extends ResourceProviderGrpc.ResourceProviderImplBase {
    public static final String VERSION = "6.83.0";
    public static final String LOG_ENV = "DATAMESH_STANDIN_LOG";
    public static final String ACCOUNT_ENV = "DATAMESH_STANDIN_ACCOUNT_ID";
    public static final String REGION_ENV = "DATAMESH_STANDIN_REGION";
    public static final String DEFAULT_ACCOUNT = "111111111111";
    static final String DATA_LAKE_SETTINGS = "aws:lakeformation/dataLakeSettings:DataLakeSettings";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> env;
    private volatile String accountId;
    private volatile String region;

    public StandInAwsProvider(Map<String, String> env) {
        this.env = env;
        this.accountId = env.getOrDefault(ACCOUNT_ENV, DEFAULT_ACCOUNT);
        this.region = env.getOrDefault(REGION_ENV, "us-east-1");
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
            config.putAll(StructCodec.toMap(request.getArgs()));
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
        if (config.get("region") instanceof String r && !r.isBlank() && !StructCodec.containsUnknown(r)) {
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
        var news = StructCodec.toMap(request.getNews());
        boolean haveOldInputs = request.hasOldInputs() && request.getOldInputs().getFieldsCount() > 0;
        var olds = StructCodec.toMap(haveOldInputs ? request.getOldInputs() : request.getOlds());
        var keys = new TreeSet<>(news.keySet());
        if (haveOldInputs) {
            keys.addAll(olds.keySet());
        }
        var b = DiffResponse.newBuilder();
        for (String key : keys) {
            if (!request.getIgnoreChangesList().contains(key) && !Objects.equals(news.get(key), olds.get(key))) {
                b.addDiffs(key);
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
        var inputs = StructCodec.toMap(request.getProperties());
        var state = computeState(type, name, inputs);
        String id = StructCodec.containsUnknown(inputs) ? "" : FakeCloud.id(type, name, inputs);
        if (!request.getPreview()) {
            record("create", type, name, request.getUrn(), id, inputs);
        }
        reply(out, CreateResponse.newBuilder().setId(id).setProperties(StructCodec.toStruct(state)).build());
    }

    @Override
    public void update(UpdateRequest request, StreamObserver<UpdateResponse> out) {
        String type = typeOf(request.getType(), request.getUrn());
        String name = nameOf(request.getName(), request.getUrn());
        var inputs = StructCodec.toMap(request.getNews());
        var state = computeState(type, name, inputs);
        if (!request.getPreview()) {
            record("update", type, name, request.getUrn(), request.getId(), inputs);
        }
        reply(out, UpdateResponse.newBuilder().setProperties(StructCodec.toStruct(state)).build());
    }

    @Override
    public void delete(DeleteRequest request, StreamObserver<Empty> out) {
        record("delete", typeOf(request.getType(), request.getUrn()), nameOf(request.getName(), request.getUrn()),
                request.getUrn(), request.getId(), StructCodec.toMap(request.getProperties()));
        reply(out, Empty.getDefaultInstance());
    }

    @Override
    public void read(ReadRequest request, StreamObserver<ReadResponse> out) {
        var b = ReadResponse.newBuilder().setId(request.getId()).setProperties(request.getProperties());
        if (request.hasInputs()) {
            b.setInputs(request.getInputs());
        }
        reply(out, b.build());
    }

    /** Inputs plus FakeCloud's computed values; computed values stay unknown while an input is. */
    Map<String, Object> computeState(String type, String name, Map<String, Object> inputs) {
        var state = FakeCloud.state(type, name, inputs, accountId, region);
        if (StructCodec.containsUnknown(inputs)) {
            for (var e : state.entrySet()) {
                if (!inputs.containsKey(e.getKey())) {
                    e.setValue(StructCodec.UNKNOWN_STRING);
                }
            }
        }
        return state;
    }

    // ---- invokes ------------------------------------------------------------------------------

    @Override
    public void invoke(InvokeRequest request, StreamObserver<InvokeResponse> out) {
        var args = StructCodec.toMap(request.getArgs());
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
                var iamAllowed = Map.of("permissions", List.of("ALL"), "principal", "IAM_ALLOWED_PRINCIPALS");
                r.put("admins", List.of());
                r.put("allowExternalDataFiltering", false);
                r.put("allowFullTableExternalDataAccess", false);
                r.put("authorizedSessionTagValueLists", List.of());
                r.put("catalogId", catalogId);
                r.put("createDatabaseDefaultPermissions", List.of(iamAllowed));
                r.put("createTableDefaultPermissions", List.of(iamAllowed));
                r.put("externalDataFilteringAllowLists", List.of());
                r.put("id", catalogId);
                r.put("parameters", Map.of());
                r.put("readOnlyAdmins", List.of());
                r.put("trustedResourceOwners", List.of());
                // The settings are one object each write replaces whole: once this account's
                // DataLakeSettings was written, AWS answers with what was written (no defaults left).
                lastWritten(DATA_LAKE_SETTINGS, catalogId).ifPresent(written -> {
                    r.put("createDatabaseDefaultPermissions", List.of());
                    r.put("createTableDefaultPermissions", List.of());
                    written.forEach((key, value) -> {
                        if (r.containsKey(key) && value != null) {
                            r.put(key, value);
                        }
                    });
                });
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

    /**
     * The inputs of the last recorded create or update of a resource of this type in this account,
     * empty when there is none or it was deleted since: lets an invoke read back what an earlier
     * run (another provider process) wrote, as the real service would.
     */
    @SuppressWarnings("unchecked")
    Optional<Map<String, Object>> lastWritten(String type, String account) {
        String path = env.get(LOG_ENV);
        if (path == null || path.isBlank() || !Files.exists(Path.of(path))) {
            return Optional.empty();
        }
        Map<String, Object> last = null;
        try {
            for (Map<String, Object> op : readRecording(Path.of(path))) {
                if (type.equals(op.get("type")) && account.equals(op.get("accountId"))) {
                    last = "delete".equals(op.get("op")) ? null : (Map<String, Object>) op.get("properties");
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the recording " + path, e);
        }
        return Optional.ofNullable(last);
    }

    private void record(String op, String type, String name, String urn, String id, Map<String, Object> props) {
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
