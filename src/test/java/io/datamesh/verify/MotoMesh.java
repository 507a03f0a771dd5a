package io.datamesh.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamesh.plan.MeshPlan;
import io.datamesh.resource.PlannedResource;
import io.datamesh.plan.StackPlan;
import io.datamesh.resource.Props;
import io.datamesh.resource.ResourceTypes;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.lakeformation.LakeFormationClient;
import software.amazon.awssdk.services.lakeformation.model.DataLakePrincipal;
import software.amazon.awssdk.services.lakeformation.model.LFTag;
import software.amazon.awssdk.services.lakeformation.model.Resource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Seeds moto with the state a correct `pulumi up` of every stack leaves: each stack's settings, grants
 * and resource links as its planned resources declare them, the creator's ALL on the central
 * database that Lake Formation adds by itself, and the columns Athena returns to each role.
 */
public final class MotoMesh {
    /** moto takes any key; the account comes from the role each stack file assumes. */
    public static final AwsCredentialsProvider BASE = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIAVERIFYTESTBASE00", "verify-test-secret"));
    public static final String CENTRAL = "111111111111";
    public static final String SALES = "222222222222";
    public static final String MARKETING = "333333333333";
    static final List<String> ORDERS = List.of("order_id", "customer_id", "order_date", "product", "quantity", "amount");
    static final List<String> CUSTOMERS_WITHOUT_PII = List.of("customer_id", "country", "segment", "signup_date");
    private static final Pattern ACCOUNT = Pattern.compile("datamesh:accountId: \"(\\d{12})\"");

    private final MotoServer moto;
    private final MeshPlan plan;

    public MotoMesh(MotoServer moto, MeshPlan plan) {
        this.moto = moto;
        this.plan = plan;
    }

    /** The sample stack files, with the contracts and data they name, each assuming its account's deployer role as a real deployment would. */
    public static void copySample(Path from, Path to) throws IOException {
        Files.copy(from.resolve("Pulumi.yaml"), to.resolve("Pulumi.yaml"));
        for (String stack : List.of("central", "producer", "consumer")) {
            String text = Files.readString(from.resolve("Pulumi." + stack + ".yaml"));
            var account = ACCOUNT.matcher(text);
            if (!account.find()) {
                throw new IllegalStateException("no account id in the sample " + stack);
            }
            text = text.replace("config:\n", "config:\n  aws:assumeRole:\n    roleArn: arn:aws:iam::" + account.group(1)
                    + ":role/datamesh-deployer\n");
            Files.writeString(to.resolve("Pulumi." + stack + ".yaml"), text);
        }
        // The producer's data products are in its contracts; the sample data is uploaded.
        for (String dir : List.of("contracts", "sample-data")) {
            try (var files = Files.walk(from.resolve(dir))) {
                for (Path p : files.toList()) {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target);
                    }
                }
            }
        }
    }

    AwsSession deployer(String account) {
        return new AwsSession(software.amazon.awssdk.regions.Region.EU_WEST_1, BASE, Optional.of(moto.endpoint()))
                .assume("arn:aws:iam::" + account + ":role/datamesh-deployer", Optional.empty(), "seed");
    }

    public LakeFormationClient lakeFormation(String account) {
        return deployer(account).client(LakeFormationClient.builder());
    }

    public void seedCorrectMesh() throws IOException, InterruptedException {
        seed(List.of(ORDERS, CUSTOMERS_WITHOUT_PII));
    }

    /** The correct mesh, except that Athena returns these columns to the marketing analyst's queries. */
    void seed(List<List<String>> marketingColumns) throws IOException, InterruptedException {
        seedCatalogs();
        athenaResults(SALES, List.of(ORDERS, CUSTOMERS_WITHOUT_PII).stream().map(Answer::noRows).toList());
        athenaResults(MARKETING, marketingColumns.stream().map(Answer::noRows).toList());
    }

    /**
     * The correct mesh as {@code verify --read-rows} sees it: each table answers its zero-row probe, then
     * its one-row probe with Athena's header row and {@code rows} data rows.
     */
    void seedReadingRows(int rows) throws IOException, InterruptedException {
        seedCatalogs();
        List<Answer> answers = List.of(ORDERS, CUSTOMERS_WITHOUT_PII).stream()
                .flatMap(columns -> java.util.stream.Stream.of(Answer.noRows(columns), new Answer(columns, rows))).toList();
        athenaResults(SALES, answers);
        athenaResults(MARKETING, answers);
    }

    /** What Athena answers one query: its columns, and how many data rows follow the header row. */
    private record Answer(List<String> columns, int rows) {
        static Answer noRows(List<String> columns) {
            return new Answer(columns, 0);
        }

        /** A SELECT's results as Athena returns them: the column names first, then the data. */
        List<Map<String, Object>> resultRows() {
            if (rows == 0) {
                return List.of();
            }
            List<Map<String, Object>> all = new java.util.ArrayList<>();
            all.add(Map.of("Data", columns.stream().map(c -> Map.of("VarCharValue", c)).toList()));
            for (int i = 0; i < rows; i++) {
                int row = i;
                all.add(Map.of("Data", columns.stream().map(c -> Map.of("VarCharValue", c + "-" + row)).toList()));
            }
            return all;
        }
    }

    private void seedCatalogs() throws IOException, InterruptedException {
        moto.reset();
        for (StackPlan stack : plan.stacks()) {
            String account = plan.settings().get(stack.stack()).identity().accountId();
            try (var lf = lakeFormation(account); var glue = deployer(account).client(GlueClient.builder());
                 var athena = deployer(account).client(AthenaClient.builder())) {
                stack.ofType(ResourceTypes.ATHENA_WORKGROUP).forEach(r -> athena.createWorkGroup(w -> w
                        .name(Props.of(r.inputs()).string("name").orElseThrow())));
                stack.ofType(ResourceTypes.LF_SETTINGS).forEach(r -> writeSettings(lf, account, Props.of(r.inputs())));
                stack.ofType(ResourceTypes.LF_PERMISSIONS).forEach(r -> grant(lf, account, r));
                stack.ofType(ResourceTypes.GLUE_DATABASE).forEach(r -> Props.of(r.inputs()).object("targetDatabase").ifPresent(t ->
                        glue.createDatabase(d -> d.catalogId(account).databaseInput(in -> in.name(Props.of(r.inputs()).string("name").orElseThrow())
                                .targetDatabase(td -> td.catalogId(t.string("catalogId").orElseThrow())
                                        .databaseName(t.string("databaseName").orElseThrow()))))));
            }
        }
        try (var lf = lakeFormation(CENTRAL)) {
            lf.grantPermissions(g -> g.catalogId(CENTRAL)
                    .principal(p -> p.dataLakePrincipalIdentifier("arn:aws:iam::" + CENTRAL + ":role/datamesh-deployer"))
                    .resource(r -> r.database(d -> d.catalogId(CENTRAL).name("sales")))
                    .permissionsWithStrings("ALL").permissionsWithGrantOptionWithStrings("ALL"));
        }
    }

    private static void writeSettings(LakeFormationClient lf, String account, Props in) {
        lf.putDataLakeSettings(s -> s.catalogId(account).dataLakeSettings(d -> d
                .dataLakeAdmins(in.strings("admins").stream().map(a -> DataLakePrincipal.builder().dataLakePrincipalIdentifier(a).build()).toList())
                .createDatabaseDefaultPermissions(List.of()).createTableDefaultPermissions(List.of())
                .parameters(Map.of("CROSS_ACCOUNT_VERSION", in.string("parameters", "CROSS_ACCOUNT_VERSION").orElseThrow()))));
    }

    private static void grant(LakeFormationClient lf, String account, PlannedResource planned) {
        Props in = Props.of(planned.inputs());
        String catalog = in.string("catalogId").orElse(account);
        lf.grantPermissions(g -> g.catalogId(catalog)
                .principal(p -> p.dataLakePrincipalIdentifier(in.string("principal").orElseThrow()))
                .permissionsWithStrings(in.strings("permissions"))
                .permissionsWithGrantOptionWithStrings(in.strings("permissionsWithGrantOptions"))
                .resource(resource(in, catalog)));
    }

    /** The planned inputs in the SDK's shape, written here apart from the reader's own mapping. */
    private static Resource resource(Props in, String catalog) {
        var r = Resource.builder();
        in.object("database").ifPresent(d -> r.database(b -> b.catalogId(d.string("catalogId").orElse(catalog)).name(d.string("name").orElseThrow())));
        in.object("table").ifPresent(t -> r.table(b -> {
            b.catalogId(t.string("catalogId").orElse(catalog)).databaseName(t.string("databaseName").orElseThrow());
            if (t.bool("wildcard").orElse(false)) {
                b.tableWildcard(w -> { });
            } else {
                b.name(t.string("name").orElseThrow());
            }
        }));
        in.object("dataLocation").ifPresent(l -> r.dataLocation(b -> b.catalogId(l.string("catalogId").orElse(catalog))
                .resourceArn(l.string("arn").orElseThrow())));
        in.object("lfTag").ifPresent(t -> r.lfTag(b -> b.catalogId(t.string("catalogId").orElse(catalog))
                .tagKey(t.string("key").orElseThrow()).tagValues(t.strings("values"))));
        in.object("lfTagPolicy").ifPresent(p -> r.lfTagPolicy(b -> b.catalogId(p.string("catalogId").orElse(catalog))
                .resourceType(p.string("resourceType").orElseThrow())
                .expression(p.objects("expressions").stream().map(e -> LFTag.builder().tagKey(e.string("key").orElseThrow())
                        .tagValues(e.strings("values")).build()).toList())));
        return r.build();
    }

    /** What Athena answers to the account's queries, in the order verify runs them (moto keeps a queue). */
    private void athenaResults(String account, List<Answer> answers) throws IOException, InterruptedException {
        var results = answers.stream().map(answer -> Map.of("rows", answer.resultRows(), "column_info", answer.columns().stream()
                .map(c -> Map.of("CatalogName", "hive", "SchemaName", "shared_sales", "TableName", "t", "Name", c, "Label", c,
                        "Type", "varchar")).toList())).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("account_id", account);
        body.put("region", "eu-west-1");
        body.put("results", results);
        moto.post("/moto-api/static/athena/query-results", new ObjectMapper().writeValueAsString(body));
    }
}
