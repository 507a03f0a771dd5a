package io.datamesh.policy.analyzer;

import com.google.protobuf.Empty;
import com.google.protobuf.Struct;
import io.datamesh.policy.PolicyPacks;
import io.datamesh.resource.Sentinels;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pulumirpc.AnalyzerGrpc;
import pulumirpc.AnalyzerOuterClass.AnalyzeDiagnostic;
import pulumirpc.AnalyzerOuterClass.AnalyzeRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzeResponse;
import pulumirpc.AnalyzerOuterClass.AnalyzeStackRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerHandshakeRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerInfo;
import pulumirpc.AnalyzerOuterClass.AnalyzerResource;
import pulumirpc.AnalyzerOuterClass.AnalyzerStackConfigureRequest;
import pulumirpc.AnalyzerOuterClass.ConfigureAnalyzerRequest;
import pulumirpc.AnalyzerOuterClass.EnforcementLevel;
import pulumirpc.AnalyzerOuterClass.PolicyConfig;
import pulumirpc.AnalyzerOuterClass.PolicyType;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.datamesh.policy.Fixtures.CENTRAL;
import static io.datamesh.policy.Fixtures.CENTRAL_STACK;
import static io.datamesh.policy.Fixtures.CONSUMER;
import static io.datamesh.policy.Fixtures.inputs;
import static io.datamesh.resource.ResourceTypes.GLUE_CRAWLER;
import static io.datamesh.resource.ResourceTypes.LF_PERMISSIONS;
import static io.datamesh.resource.ResourceTypes.LF_RESOURCE_TAG;
import static io.datamesh.resource.ResourceTypes.LF_SETTINGS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plays the engine's call sequence against the analyzer started as its own process, the way the
 * CLI starts a plugin: log flags before the engine address, the port read from the first stdout line;
 * the JVM started as the packs' launcher starts it, from their class-data archive.
 */
class AnalyzerProcessTest {
    private static final String PACK = PolicyPacks.DATAMESH_GOVERNANCE;
    private static Process process;
    private static ManagedChannel channel;
    private static AnalyzerGrpc.AnalyzerBlockingStub analyzer;
    private static Path work;
    private static Path classLoads;

    @BeforeAll
    static void start() throws Exception {
        // Started the way policy-packs/bin/run-analyzer starts a pack: its JVM options and the
        // class-data archive scripts/class-data-archive.sh makes for the classpath, here of a jar of
        // the compiled classes (the JVM archives classes from jars only). -Xshare:on makes the JVM
        // refuse to start if it cannot map the archive.
        work = Files.createTempDirectory("analyzer-cds");
        Path jar = jarOfMainClasses(work);
        String classpath = jar + File.pathSeparator + Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> e.endsWith(".jar")).collect(Collectors.joining(File.pathSeparator));
        Process archiver = new ProcessBuilder("scripts/class-data-archive.sh", "analyzer",
                "policy-packs/bin/analyzer.jvm", classpath, AnalyzerTraining.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String archive = new String(archiver.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, archiver.waitFor(), "scripts/class-data-archive.sh failed");
        assertTrue(!archive.isEmpty() && Files.size(Path.of(archive)) > 0, "no class-data archive: '" + archive + "'");
        classLoads = jar.resolveSibling("class-load.log");
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        process = new ProcessBuilder(java, "@policy-packs/bin/analyzer.jvm", "-Xshare:on", "-XX:SharedArchiveFile=" + archive,
                "-Xlog:class+load=info:file=" + classLoads, "-cp", classpath, AnalyzerMain.class.getName(),
                PACK, "--logtostderr", "-v=5", "--tracing", "http://127.0.0.1:1/trace", "127.0.0.1:12345")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        var stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String portLine = stdout.readLine();
        assertTrue(portLine != null && portLine.trim().matches("\\d+"), "first stdout line is not a port: " + portLine);
        channel = NettyChannelBuilder.forAddress("127.0.0.1", Integer.parseInt(portLine.trim()))
                .usePlaintext().maxInboundMessageSize(400 * 1024 * 1024).build();
        analyzer = AnalyzerGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
    }

    private static Path jarOfMainClasses(Path dir) throws Exception {
        Path classes = Path.of(AnalyzerMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = dir.resolve("datamesh.jar");
        try (var out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    @AfterAll
    static void stop() throws Exception {
        if (channel != null) {
            channel.shutdownNow();
        }
        process.destroy();
        assertTrue(process.waitFor(10, TimeUnit.SECONDS), "analyzer did not exit on SIGTERM");
        try (Stream<Path> files = Files.walk(work)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static Map<String, Object> secret(Object value) {
        return Map.of(Sentinels.SIGNATURE_KEY, Sentinels.SECRET_SIG, "value", value);
    }

    private static Struct props(Map<String, ?> plain) {
        return StructCodec.toStruct(plain);
    }

    private static String urn(String type, String name) {
        return "urn:pulumi:central::datamesh::" + type + "::" + name;
    }

    private static AnalyzeDiagnostic only(AnalyzeResponse response, String policy) {
        List<AnalyzeDiagnostic> matching = response.getDiagnosticsList().stream()
                .filter(d -> d.getPolicyName().equals(policy)).toList();
        assertEquals(1, matching.size(), response.toString());
        return matching.get(0);
    }

    @Test
    void playsTheEngineCallSequence() {
        analyzer.handshake(AnalyzerHandshakeRequest.newBuilder().setEngineAddress("127.0.0.1:12345")
                .setRootDirectory("/packs/" + PACK).setProgramDirectory("/packs/" + PACK).build());
        analyzer.configureStack(AnalyzerStackConfigureRequest.newBuilder().setStack("central").setProject("datamesh")
                .putAllConfig(CENTRAL_STACK.config()).setDryRun(true).build());

        AnalyzerInfo info = analyzer.getAnalyzerInfo(Empty.getDefaultInstance());
        assertEquals(PACK, info.getName());
        assertEquals(PolicyPacks.VERSION, info.getVersion());
        assertTrue(info.getSupportsConfig());
        assertEquals(PolicyPacks.named(PACK).rules().size(), info.getPoliciesCount());
        var pii = info.getPoliciesList().stream().filter(p -> p.getName().equals("lf-no-grant-admits-pii")).findFirst().orElseThrow();
        assertEquals(EnforcementLevel.MANDATORY, pii.getEnforcementLevel());
        // Tag expressions are judged before the grant is made (resource rule), named grants by the stack's tags.
        assertEquals(PolicyType.POLICY_TYPE_RESOURCE, pii.getPolicyType());
        assertEquals("pii", pii.getConfigSchema().getProperties().getFieldsOrThrow("tagKey").getStructValue()
                .getFieldsOrThrow("default").getStringValue());
        var named = info.getPoliciesList().stream().filter(p -> p.getName().equals("lf-no-named-grant-reaches-pii"))
                .findFirst().orElseThrow();
        assertEquals(EnforcementLevel.MANDATORY, named.getEnforcementLevel());
        assertEquals(PolicyType.POLICY_TYPE_STACK, named.getPolicyType());

        analyzer.configure(ConfigureAnalyzerRequest.newBuilder()
                .putPolicyConfig("lf-consumer-grants-use-lf-tags", PolicyConfig.newBuilder()
                        .setEnforcementLevel(EnforcementLevel.MANDATORY).build())
                .putPolicyConfig("lf-grant-option-only-to-accounts", PolicyConfig.newBuilder()
                        .setEnforcementLevel(EnforcementLevel.DISABLED).build())
                .build());

        // A named-table grant to a consumer, with the principal marked secret: now mandatory.
        String namedGrant = urn(LF_PERMISSIONS, "named");
        AnalyzeResponse namedTable = analyzer.analyze(AnalyzeRequest.newBuilder().setType(LF_PERMISSIONS).setUrn(namedGrant)
                .setName("named").setProperties(props(Map.of("principal", secret(CONSUMER), "permissions", List.of("SELECT"),
                        "permissionsWithGrantOptions", List.of("SELECT"), "table", Map.of("databaseName", "sales", "name", "orders"))))
                .build());
        AnalyzeDiagnostic consumer = only(namedTable, "lf-consumer-grants-use-lf-tags");
        assertEquals(EnforcementLevel.MANDATORY, consumer.getEnforcementLevel());
        assertEquals(namedGrant, consumer.getUrn());
        assertEquals(PACK, consumer.getPolicyPackName());
        assertTrue(consumer.getMessage().startsWith(consumer.getDescription() + "\naccount " + CONSUMER), consumer.getMessage());
        assertTrue(namedTable.getNotApplicableList().stream().anyMatch(n -> n.getPolicyName().equals("lf-tags-only-in-central")
                && n.getReason().startsWith("Policy only applies to resources of type ") && !n.getReason().contains(LF_PERMISSIONS)),
                namedTable.getNotApplicableList().toString());
        assertTrue(namedTable.getDiagnosticsList().stream().noneMatch(d -> d.getPolicyName().equals("lf-grant-option-only-to-accounts")),
                "disabled policy still ran");

        // A tag expression that admits PII is refused by the resource rule, before the grant is made.
        AnalyzeResponse open = analyzer.analyze(AnalyzeRequest.newBuilder().setType(LF_PERMISSIONS)
                .setUrn(urn(LF_PERMISSIONS, "open")).setName("open")
                .setProperties(props(inputs("{'principal':'" + CONSUMER + "','permissions':['SELECT'],"
                        + "'lfTagPolicy':{'resourceType':'TABLE','expressions':[{'key':'domain','values':['sales']}]}}")))
                .build());
        AnalyzeDiagnostic openPii = only(open, "lf-no-grant-admits-pii");
        assertEquals(EnforcementLevel.MANDATORY, openPii.getEnforcementLevel());
        assertEquals(urn(LF_PERMISSIONS, "open"), openPii.getUrn());

        // One named grant's table is not known during preview: advisory for that grant, the other is still checked.
        AnalyzeResponse unknown = analyzer.analyzeStack(AnalyzeStackRequest.newBuilder()
                .addResources(AnalyzerResource.newBuilder().setType(LF_PERMISSIONS).setUrn(urn(LF_PERMISSIONS, "tags"))
                        .setName("tags").setProperties(props(Map.of("principal", CONSUMER, "permissions", List.of("SELECT"),
                                "table", Sentinels.UNKNOWN_OBJECT))))
                .addResources(AnalyzerResource.newBuilder().setType(LF_RESOURCE_TAG).setUrn(urn(LF_RESOURCE_TAG, "pii"))
                        .setName("pii").setProperties(props(inputs("{'table':{'databaseName':'hr','name':'staff'},"
                                + "'lfTag':{'key':'pii','value':'true'}}"))))
                .addResources(AnalyzerResource.newBuilder().setType(LF_PERMISSIONS).setUrn(urn(LF_PERMISSIONS, "staff"))
                        .setName("staff").setProperties(props(inputs("{'principal':'" + CONSUMER + "','permissions':['SELECT'],"
                                + "'table':{'databaseName':'hr','name':'staff'}}"))))
                .build());
        var piiFindings = unknown.getDiagnosticsList().stream()
                .filter(d -> d.getPolicyName().equals("lf-no-named-grant-reaches-pii")).toList();
        assertEquals(2, piiFindings.size(), unknown.toString());
        AnalyzeDiagnostic preview = piiFindings.stream().filter(d -> d.getUrn().equals(urn(LF_PERMISSIONS, "tags")))
                .findFirst().orElseThrow();
        assertEquals(EnforcementLevel.ADVISORY, preview.getEnforcementLevel());
        assertEquals("can't run policy 'lf-no-named-grant-reaches-pii' from policy pack '" + PACK + "@v" + PolicyPacks.VERSION
                + "' during preview: Object value at .table can't be known during preview", preview.getMessage());
        AnalyzeDiagnostic staff = piiFindings.stream().filter(d -> d.getUrn().equals(urn(LF_PERMISSIONS, "staff")))
                .findFirst().orElseThrow();
        assertEquals(EnforcementLevel.MANDATORY, staff.getEnforcementLevel());

        String admin = "arn:aws:iam::" + CENTRAL + ":role/lf-admin";
        AnalyzeResponse stack = analyzer.analyzeStack(AnalyzeStackRequest.newBuilder()
                .addResources(AnalyzerResource.newBuilder().setType(LF_SETTINGS).setUrn(urn(LF_SETTINGS, "settings"))
                        .setName("settings").setProperties(props(Map.of("admins", List.of(admin)))))
                .addResources(AnalyzerResource.newBuilder().setType(GLUE_CRAWLER).setUrn(urn(GLUE_CRAWLER, "crawler"))
                        .setName("crawler").setProperties(props(inputs("{'name':'c','role':'" + admin + "'}"))))
                .build());
        AnalyzeDiagnostic crawler = only(stack, "lf-crawler-role-not-admin");
        assertEquals(EnforcementLevel.MANDATORY, crawler.getEnforcementLevel());
        assertEquals(urn(GLUE_CRAWLER, "crawler"), crawler.getUrn());

        assertEquals(0, analyzer.remediate(AnalyzeRequest.newBuilder().setType(LF_PERMISSIONS).build()).getRemediationsCount());
        assertEquals(PolicyPacks.VERSION, analyzer.getPluginInfo(Empty.getDefaultInstance()).getVersion());
        analyzer.cancel(Empty.getDefaultInstance());
    }

    @Test
    void configThatFailsItsSchemaIsRejected() {
        var bad = ConfigureAnalyzerRequest.newBuilder().putPolicyConfig("lf-no-grant-admits-pii", PolicyConfig.newBuilder()
                .setEnforcementLevel(EnforcementLevel.MANDATORY)
                .setProperties(props(Map.of("allowedPrincipals", "not-a-list"))).build()).build();
        var e = assertThrows(StatusRuntimeException.class, () -> analyzer.configure(bad));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    }

    @Test
    void servesFromTheClassDataArchive() throws Exception {
        assertEquals(PolicyPacks.VERSION, analyzer.getPluginInfo(Empty.getDefaultInstance()).getVersion());
        // The pack's own classes and the gRPC server's come from the archive's top (dynamic) layer.
        List<String> loads = Files.readAllLines(classLoads);
        for (String type : List.of(PolicyAnalyzer.class.getName(), "io.grpc.netty.shaded.io.grpc.netty.NettyServer")) {
            assertTrue(loads.stream().anyMatch(l -> l.contains(" " + type + " source: shared objects file (top)")),
                    type + " not loaded from the archive: " + loads.stream().filter(l -> l.contains(" " + type + " ")).toList());
        }
    }
}
