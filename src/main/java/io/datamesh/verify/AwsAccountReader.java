package io.datamesh.verify;

import io.datamesh.lakeformation.AccountSettings;
import io.datamesh.lakeformation.LfResource;
import io.datamesh.lakeformation.ResourceLink;
import io.datamesh.lakeformation.TagExpression;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.QueryExecutionStatus;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.lakeformation.LakeFormationClient;
import software.amazon.awssdk.services.lakeformation.model.DataLakePrincipal;
import software.amazon.awssdk.services.lakeformation.model.DataLakeSettings;
import software.amazon.awssdk.services.lakeformation.model.PrincipalPermissions;
import software.amazon.awssdk.services.lakeformation.model.PrincipalResourcePermissions;
import software.amazon.awssdk.services.lakeformation.model.Resource;
import software.amazon.awssdk.services.ram.RamClient;
import software.amazon.awssdk.services.ram.model.GetResourceShareInvitationsResponse;
import software.amazon.awssdk.services.sts.StsClient;

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

/** Reads one account through the AWS SDK for Java v2; only Get/List/Describe calls, and zero-row queries. */
public final class AwsAccountReader implements AccountReader {
    /** How Athena words a Lake Formation refusal, or a table the role is not allowed to see at all. */
    private static final Pattern REFUSAL = Pattern.compile(
            "(?i)insufficient (lake formation )?permission|not authorized|access ?denied|table \\S+ does not exist"
                    + "|TABLE_NOT_FOUND|SCHEMA_NOT_FOUND");
    static final Duration QUERY_TIMEOUT = Duration.ofSeconds(60);

    private final String account;
    private final StsClient sts;
    private final LakeFormationClient lakeFormation;
    private final GlueClient glue;
    private final RamClient ram;
    private final Function<String, AthenaClient> athenaAs;
    private final Map<String, AthenaClient> athena = new ConcurrentHashMap<>();

    /**
     * @param athenaAs an Athena client with the credentials of the given role ARN
     */
    AwsAccountReader(String account, StsClient sts, LakeFormationClient lakeFormation, GlueClient glue,
                     RamClient ram, Function<String, AthenaClient> athenaAs) {
        this.account = account;
        this.sts = sts;
        this.lakeFormation = lakeFormation;
        this.glue = glue;
        this.ram = ram;
        this.athenaAs = athenaAs;
    }

    public static AwsAccountReader open(AwsSession session, String account) {
        return open(session, account, session.client(RamClient.builder()));
    }

    /** With another RAM client: the local emulator has no invitations API, so tests bring their own. */
    public static AwsAccountReader open(AwsSession session, String account, RamClient ram) {
        return new AwsAccountReader(account, session.client(StsClient.builder()),
                session.client(LakeFormationClient.builder()), session.client(GlueClient.builder()), ram,
                role -> session.assume(role, Optional.empty(), "datamesh-verify").client(AthenaClient.builder()));
    }

    @Override
    public String callerAccount() {
        return sts.getCallerIdentity().account();
    }

    @Override
    public AccountSettings settings() {
        DataLakeSettings s = lakeFormation.getDataLakeSettings(r -> r.catalogId(account)).dataLakeSettings();
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
    public List<LiveGrant> grants(List<LfResource.Database> databases) {
        Set<LiveGrant> grants = new LinkedHashSet<>();
        lakeFormation.listPermissionsPaginator(r -> r.catalogId(account))
                .forEach(page -> page.principalResourcePermissions().forEach(p -> grants.add(grant(p))));
        for (LfResource.Database database : databases) {
            lakeFormation.listPermissionsPaginator(r -> r.catalogId(account)
                            .resource(x -> x.database(d -> d.catalogId(database.catalogId()).name(database.name()))))
                    .forEach(page -> page.principalResourcePermissions().forEach(p -> grants.add(grant(p))));
        }
        return List.copyOf(grants);
    }

    private LiveGrant grant(PrincipalResourcePermissions p) {
        return new LiveGrant(p.principal().dataLakePrincipalIdentifier(), p.permissionsAsStrings(),
                p.permissionsWithGrantOptionAsStrings(), resource(p.resource()));
    }

    /** The access model's resource, where it has one; a catalog id Lake Formation leaves out is the account's. */
    Optional<LfResource> resource(Resource r) {
        if (r.database() != null) {
            return Optional.of(new LfResource.Database(catalog(r.database().catalogId()), r.database().name()));
        }
        if (r.table() != null) {
            var t = r.table();
            return Optional.of(new LfResource.Table(catalog(t.catalogId()), t.databaseName(),
                    t.tableWildcard() != null ? Optional.empty() : Optional.ofNullable(t.name())));
        }
        if (r.tableWithColumns() != null) {
            var t = r.tableWithColumns();
            // SELECT on a whole table comes back as all columns (a column wildcard without exclusions).
            if (t.columnWildcard() != null && !t.columnWildcard().hasExcludedColumnNames()) {
                return Optional.of(new LfResource.Table(catalog(t.catalogId()), t.databaseName(), Optional.of(t.name())));
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
        if (r.lfTagPolicy() != null) {
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
        try {
            AthenaClient client = athena.computeIfAbsent(role, athenaAs);
            String id = client.startQueryExecution(r -> r.queryString(query.sql()).workGroup(query.workgroup())
                    .queryExecutionContext(c -> c.catalog("AwsDataCatalog").database(query.link()))).queryExecutionId();
            QueryExecutionStatus status = await(client, id);
            if (status.state() == QueryExecutionState.SUCCEEDED) {
                return new QueryOutcome.Columns(client.getQueryResults(r -> r.queryExecutionId(id).maxResults(1))
                        .resultSet().resultSetMetadata().columnInfo().stream().map(c -> c.name()).toList());
            }
            return classify(status.state() + ": " + Optional.ofNullable(status.stateChangeReason()).orElse("no reason given"));
        } catch (SdkException e) {
            return classify(e.getMessage());
        }
    }

    private static QueryOutcome classify(String reason) {
        return REFUSAL.matcher(reason).find() ? new QueryOutcome.Refused(reason) : new QueryOutcome.Failed(reason);
    }

    private static QueryExecutionStatus await(AthenaClient client, String id) {
        long deadline = System.nanoTime() + QUERY_TIMEOUT.toNanos();
        long pause = 100;
        while (true) {
            var status = client.getQueryExecution(r -> r.queryExecutionId(id)).queryExecution().status();
            if (status.state() != QueryExecutionState.QUEUED && status.state() != QueryExecutionState.RUNNING) {
                return status;
            }
            if (System.nanoTime() > deadline) {
                return status.toBuilder().state(QueryExecutionState.FAILED)
                        .stateChangeReason("still " + status.state() + " after " + QUERY_TIMEOUT.toSeconds() + " s").build();
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
