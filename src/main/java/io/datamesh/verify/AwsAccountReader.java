package io.datamesh.verify;

import io.datamesh.lakeformation.AccountSettings;
import io.datamesh.lakeformation.LfResource;
import io.datamesh.lakeformation.ResourceLink;
import io.datamesh.lakeformation.TagExpression;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.QueryExecutionStatus;
import software.amazon.awssdk.services.athena.model.ResultSet;
import software.amazon.awssdk.services.athena.model.Row;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.lakeformation.LakeFormationClient;
import software.amazon.awssdk.services.lakeformation.model.DataLakePrincipal;
import software.amazon.awssdk.services.lakeformation.model.DataLakeSettings;
import software.amazon.awssdk.services.lakeformation.model.LFTag;
import software.amazon.awssdk.services.lakeformation.model.ListPermissionsRequest;
import software.amazon.awssdk.services.lakeformation.model.PrincipalPermissions;
import software.amazon.awssdk.services.lakeformation.model.PrincipalResourcePermissions;
import software.amazon.awssdk.services.lakeformation.model.Resource;
import software.amazon.awssdk.services.ram.RamClient;
import software.amazon.awssdk.services.ram.model.GetResourceShareInvitationsResponse;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads one account through the AWS SDK for Java v2; only Get/List/Describe calls, and queries of at most one row. */
public final class AwsAccountReader implements AccountReader {
    /**
     * How Athena words a Lake Formation refusal ("Insufficient Lake Formation permission(s)",
     * https://repost.aws/knowledge-center/athena-insufficient-lake-formation-permissions), or the catalog's answer for a table or link the role may not see.
     * Nothing broader: an IAM, S3 or KMS denial also says "not authorized" or "access denied", and
     * would then pass a probe that must be refused without testing anything.
     */
    private static final Pattern REFUSAL = Pattern.compile(
            "(?i)insufficient lake formation permission|\\b(TABLE|SCHEMA)_NOT_FOUND\\b|\\b(table|schema) \\S+ does not exist");
    /**
     * S3 or KMS refusing the workgroup's results location: Athena's words for the output ("Unable to
     * verify/create output bucket", https://repost.aws/knowledge-center/athena-output-bucket-error;
     * "Access denied when writing output to url", Athena troubleshooting). Checked first: such a text
     * also carries S3's error format.
     */
    private static final Pattern RESULTS_LOCATION_DENIED = Pattern.compile(
            "(?i)output bucket|writing (output )?to (url|location)");
    /**
     * S3 or KMS refusing the table's own objects: the source-data denial Athena reports with the object's
     * path ("AmazonS3Exception: Access Denied (Service: Amazon S3; …) (Path: s3://…)",
     * https://repost.aws/knowledge-center/access-denied-athena), "Permission denied on S3 path", or KMS
     * refusing kms:Decrypt in IAM's access-denied format ("is not authorized to perform: kms:Decrypt",
     * IAM user guide, "Troubleshoot access denied error messages"): reading data decrypts, writing
     * results generates a data key.
     */
    private static final Pattern DATA_DENIED = Pattern.compile(
            "(?i)\\(Path: s3://|permission denied on s3 path|\\bkms:Decrypt\\b");
    /** Any other S3 or KMS refusal, in the service's own words: a zero-row query reads no data, so its results. */
    private static final Pattern S3_OR_KMS_DENIED = Pattern.compile("(?i)\\(Service: (Amazon )?S3|\\bkms:|AWSKMS|KMS key");
    /** The table name Lake Formation lists a table wildcard under (see {@link #resource}). */
    private static final String ALL_TABLES = "ALL_TABLES";
    static final Duration QUERY_TIMEOUT = Duration.ofSeconds(60);

    private final String account;
    private final StsClient sts;
    private final LakeFormationClient lakeFormation;
    private final GlueClient glue;
    private final RamClient ram;
    private final Function<String, AthenaClient> athenaAs;
    private final Duration queryTimeout;
    private final Map<String, AthenaClient> athena = new ConcurrentHashMap<>();

    /**
     * @param athenaAs     an Athena client with the credentials of the given role ARN; throws if they cannot be had
     * @param queryTimeout how long a probe may run before it is stopped and reported inconclusive
     */
    AwsAccountReader(String account, StsClient sts, LakeFormationClient lakeFormation, GlueClient glue,
                     RamClient ram, Function<String, AthenaClient> athenaAs, Duration queryTimeout) {
        this.account = account;
        this.sts = sts;
        this.lakeFormation = lakeFormation;
        this.glue = glue;
        this.ram = ram;
        this.athenaAs = athenaAs;
        this.queryTimeout = queryTimeout;
    }

    public static AwsAccountReader open(AwsSession session, String account) {
        return open(session, account, session.client(RamClient.builder()));
    }

    /** With another RAM client: the local emulator has no invitations API, so tests bring their own. */
    public static AwsAccountReader open(AwsSession session, String account, RamClient ram) {
        return new AwsAccountReader(account, session.client(StsClient.builder()),
                session.client(LakeFormationClient.builder()), session.client(GlueClient.builder()), ram,
                role -> asRole(session, role).client(AthenaClient.builder()), QUERY_TIMEOUT);
    }

    /**
     * The role assumed now, not at the first query: a refusal of the role's trust is then told apart
     * from anything Athena, Lake Formation, S3 or KMS answers.
     */
    private static AwsSession asRole(AwsSession session, String role) {
        AwsSession assumed = session.assume(role, Optional.empty(), "datamesh-verify");
        assumed.credentials().resolveCredentials();
        return assumed;
    }

    @Override
    public String callerAccount() {
        return sts.getCallerIdentity().account();
    }

    @Override
    public AccountSettings settings() {
        return accountSettings(lakeFormation.getDataLakeSettings(r -> r.catalogId(account)).dataLakeSettings());
    }

    /** The SDK's settings as the mesh's record, default permissions reduced to the principals they name. */
    public static AccountSettings accountSettings(DataLakeSettings s) {
        List<String> defaults = Stream.concat(s.createDatabaseDefaultPermissions().stream(), s.createTableDefaultPermissions().stream())
                .map(PrincipalPermissions::principal).map(DataLakePrincipal::dataLakePrincipalIdentifier).distinct().toList();
        return new AccountSettings(ids(s.dataLakeAdmins()), ids(s.readOnlyAdmins()), defaults, s.parameters(),
                s.trustedResourceOwners(), Boolean.TRUE.equals(s.allowExternalDataFiltering()),
                ids(s.externalDataFilteringAllowList()), s.authorizedSessionTagValueList(),
                Boolean.TRUE.equals(s.allowFullTableExternalDataAccess()));
    }

    private static List<String> ids(List<DataLakePrincipal> principals) {
        return principals.stream().map(DataLakePrincipal::dataLakePrincipalIdentifier).toList();
    }

    @Override
    public List<LiveGrant> grants() {
        return list(ListPermissionsRequest.builder().catalogId(account).build());
    }

    @Override
    public List<LiveGrant> effectiveGrants(LfResource.Database database) {
        return list(ListPermissionsRequest.builder().catalogId(account)
                .resource(x -> x.database(d -> d.catalogId(database.catalogId()).name(database.name()))).build());
    }

    /** ListPermissions filtered by one LF-tag policy alone: every principal's grant on it. */
    public List<LiveGrant> grantsOn(LfResource.TagPolicy policy) {
        return list(ListPermissionsRequest.builder().catalogId(account).resource(x -> x.lfTagPolicy(p -> p
                .catalogId(policy.catalogId()).resourceType(policy.resourceType().name())
                .expression(policy.expression().clauses().entrySet().stream()
                        .map(c -> LFTag.builder().tagKey(c.getKey()).tagValues(c.getValue()).build()).toList()))).build());
    }

    private List<LiveGrant> list(ListPermissionsRequest request) {
        Set<LiveGrant> grants = new LinkedHashSet<>();
        lakeFormation.listPermissionsPaginator(request)
                .forEach(page -> page.principalResourcePermissions().forEach(p -> grants.add(grant(p))));
        return List.copyOf(grants);
    }

    private LiveGrant grant(PrincipalResourcePermissions p) {
        return new LiveGrant(p.principal().dataLakePrincipalIdentifier(), p.permissionsAsStrings(),
                p.permissionsWithGrantOptionAsStrings(), resource(p.resource()));
    }

    /**
     * The access model's resource, where it has one; a catalog id Lake Formation leaves out is the
     * account's. Lake Formation lists a grant rewritten (terraform-provider-aws
     * internal/service/lakeformation/filter.go, filterTablePermissions): SELECT on a table as that table
     * with a column wildcard, and a table wildcard as a table named ALL_TABLES, upper case, which no
     * Glue table can be (Glue stores names in lower case).
     */
    Optional<LfResource> resource(Resource r) {
        if (r.database() != null) {
            return Optional.of(new LfResource.Database(catalog(r.database().catalogId()), r.database().name()));
        }
        if (r.table() != null) {
            var t = r.table();
            return Optional.of(new LfResource.Table(catalog(t.catalogId()), t.databaseName(),
                    t.tableWildcard() != null || ALL_TABLES.equals(t.name()) ? Optional.empty() : Optional.ofNullable(t.name())));
        }
        if (r.tableWithColumns() != null) {
            var t = r.tableWithColumns();
            boolean everyTable = ALL_TABLES.equals(t.name());
            if (t.columnWildcard() != null && t.columnWildcard().excludedColumnNames().isEmpty()) {
                return Optional.of(new LfResource.Table(catalog(t.catalogId()), t.databaseName(),
                        everyTable ? Optional.empty() : Optional.of(t.name())));
            }
            if (everyTable) {
                // Columns of every table: a grant the plan never makes, and the model has no record for.
                return Optional.empty();
            }
            if (t.columnWildcard() != null) {
                return Optional.of(new LfResource.TableColumns(catalog(t.catalogId()), t.databaseName(), t.name(), Set.of(),
                        Set.copyOf(t.columnWildcard().excludedColumnNames())));
            }
            return t.hasColumnNames() ? Optional.of(LfResource.TableColumns.named(catalog(t.catalogId()), t.databaseName(),
                    t.name(), Set.copyOf(t.columnNames()))) : Optional.empty();
        }
        if (r.dataLocation() != null) {
            return Optional.of(new LfResource.DataLocation(catalog(r.dataLocation().catalogId()), r.dataLocation().resourceArn()));
        }
        if (r.lfTag() != null) {
            return Optional.of(new LfResource.TagValues(catalog(r.lfTag().catalogId()), r.lfTag().tagKey(), r.lfTag().tagValues()));
        }
        if (r.lfTagPolicy() != null && !r.lfTagPolicy().expression().isEmpty()) {
            // Without an expression the policy names a saved LF-tag expression (ExpressionName), which the plan never makes.
            var p = r.lfTagPolicy();
            Map<String, List<String>> clauses = new LinkedHashMap<>();
            p.expression().forEach(c -> clauses.put(c.tagKey(), c.tagValues()));
            return Optional.of(new LfResource.TagPolicy(catalog(p.catalogId()),
                    LfResource.ResourceType.valueOf(p.resourceTypeAsString()), TagExpression.of(clauses)));
        }
        return Optional.empty();
    }

    private String catalog(String catalogId) {
        return catalogId == null || catalogId.isEmpty() ? account : catalogId;
    }

    @Override
    public Optional<ResourceLink> link(String name) {
        try {
            var database = glue.getDatabase(r -> r.catalogId(account).name(name)).database();
            return Optional.ofNullable(database.targetDatabase())
                    .map(t -> new ResourceLink(account, name, t.catalogId(), t.databaseName()));
        } catch (EntityNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public QueryOutcome query(QueryExpectation query) {
        String role = query.role().lakeFormationId();
        AthenaClient client;
        try {
            client = athena.computeIfAbsent(role, athenaAs);
        } catch (SdkException e) {
            return new QueryOutcome.NotAssumed(e.getMessage());
        }
        try {
            String id = client.startQueryExecution(r -> r.queryString(query.sql()).workGroup(query.workgroup())
                    .queryExecutionContext(c -> c.catalog("AwsDataCatalog").database(query.link()))).queryExecutionId();
            QueryExecutionStatus status = await(client, id, queryTimeout);
            if (status.state() == QueryExecutionState.SUCCEEDED) {
                return columns(client.getQueryResults(r -> r.queryExecutionId(id).maxResults(2)).resultSet());
            }
            return classify(status.state() + ": " + Optional.ofNullable(status.stateChangeReason()).orElse("no reason given"));
        } catch (StsException e) {
            // The role's credentials expired and STS refused to renew them.
            return new QueryOutcome.NotAssumed(e.getMessage());
        } catch (SdkException e) {
            return classify(e.getMessage());
        }
    }

    /**
     * The result set's columns and its data rows. Athena returns a SELECT's column names as the first
     * row of its results (the AWS CLI's get-query-results example, aws/aws-cli
     * awscli/examples/athena/get-query-results.rst), so that row is not data; it is told by its
     * values, not only its place.
     */
    private static QueryOutcome.Columns columns(ResultSet results) {
        List<String> names = results.resultSetMetadata().columnInfo().stream().map(c -> c.name()).toList();
        List<Row> rows = results.rows();
        boolean header = !rows.isEmpty() && rows.get(0).data().stream().map(d -> d.varCharValue()).toList().equals(names);
        return new QueryOutcome.Columns(names, rows.size() - (header ? 1 : 0));
    }

    private static QueryOutcome classify(String reason) {
        if (RESULTS_LOCATION_DENIED.matcher(reason).find()) {
            return new QueryOutcome.ResultsDenied(reason);
        }
        if (DATA_DENIED.matcher(reason).find()) {
            return new QueryOutcome.DataDenied(reason);
        }
        if (S3_OR_KMS_DENIED.matcher(reason).find()) {
            return new QueryOutcome.ResultsDenied(reason);
        }
        return REFUSAL.matcher(reason).find() ? new QueryOutcome.Refused(reason) : new QueryOutcome.Failed(reason);
    }

    /** The query's final status; one still running at the deadline is stopped, so it scans and costs no more. */
    private static QueryExecutionStatus await(AthenaClient client, String id, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 100;
        while (true) {
            var status = client.getQueryExecution(r -> r.queryExecutionId(id)).queryExecution().status();
            if (status.state() != QueryExecutionState.QUEUED && status.state() != QueryExecutionState.RUNNING) {
                return status;
            }
            if (System.nanoTime() > deadline) {
                String reason = "still " + status.state() + " after " + timeout.toSeconds() + " s";
                try {
                    client.stopQueryExecution(r -> r.queryExecutionId(id));
                    reason += "; stopped";
                } catch (SdkException e) {
                    reason += "; stopping it failed too: " + e.getMessage();
                }
                return status.toBuilder().state(QueryExecutionState.FAILED).stateChangeReason(reason).build();
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for query " + id, e);
            }
            pause = Math.min(pause * 2, 2000);
        }
    }

    @Override
    public List<Invitation> invitations() {
        List<Invitation> invitations = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            GetResourceShareInvitationsResponse page = ram.getResourceShareInvitations(r -> r.nextToken(next));
            page.resourceShareInvitations().forEach(i -> invitations.add(new Invitation(i.resourceShareInvitationArn(),
                    i.resourceShareName(), i.resourceShareArn(), i.senderAccountId(), i.statusAsString())));
            token = page.nextToken();
        } while (token != null);
        return invitations;
    }

    @Override
    public void close() {
        Stream.concat(Stream.of(sts, lakeFormation, glue, ram), athena.values().stream()).forEach(c -> c.close());
    }
}
