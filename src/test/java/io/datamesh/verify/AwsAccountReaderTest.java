package io.datamesh.verify;

import io.datamesh.lakeformation.LfResource;
import io.datamesh.lakeformation.Principal;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.GetQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.GetQueryExecutionResponse;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.Row;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionResponse;
import software.amazon.awssdk.services.lakeformation.model.Resource;
import software.amazon.awssdk.services.sts.model.StsException;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The reader's mapping of what AWS answers where moto cannot produce the answer: moto's Athena
 * queries always succeed, so a refused query is a Mockito stub of GetQueryExecution; and the
 * column-wildcard shape real Lake Formation lists for SELECT on a whole table.
 */
class AwsAccountReaderTest {
    private static final QueryExpectation QUERY = new QueryExpectation(Principal.role("333333333333", "analyst"),
            "wg", "shared_sales", "payroll", List.of(), false);
    private static final QueryExpectation READ_ROW = new QueryExpectation(Principal.role("333333333333", "analyst"),
            "wg", "shared_sales", "orders", List.of("order_id"), true);

    @SuppressWarnings("unchecked")
    private static QueryOutcome failedWith(String reason) {
        return failedWith(reason, QUERY);
    }

    @SuppressWarnings("unchecked")
    private static QueryOutcome failedWith(String reason, QueryExpectation query) {
        AthenaClient athena = mock(AthenaClient.class);
        when(athena.startQueryExecution(any(Consumer.class)))
                .thenReturn(StartQueryExecutionResponse.builder().queryExecutionId("q1").build());
        when(athena.getQueryExecution(any(Consumer.class))).thenReturn(GetQueryExecutionResponse.builder()
                .queryExecution(e -> e.queryExecutionId("q1").status(s -> s.state(QueryExecutionState.FAILED).stateChangeReason(reason)))
                .build());
        when(athena.startQueryExecution(any(StartQueryExecutionRequest.class))).thenThrow(new AssertionError("unused overload"));
        when(athena.getQueryExecution(any(GetQueryExecutionRequest.class))).thenThrow(new AssertionError("unused overload"));
        return reader(athena).query(query);
    }

    private static AwsAccountReader reader(AthenaClient athena) {
        return new AwsAccountReader("333333333333", null, null, null, null, role -> athena, Duration.ofMillis(300));
    }

    @Test
    void aLakeFormationRefusalIsRefused() {
        assertThat(failedWith("Insufficient Lake Formation permission(s) on payroll"))
                .isInstanceOf(QueryOutcome.Refused.class);
        assertThat(failedWith("TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.shared_sales.payroll' does not exist"))
                .isInstanceOf(QueryOutcome.Refused.class);
    }

    @Test
    void anyOtherFailureProvesNothing() {
        // S3 or KMS on the results proves nothing either, in words of its own; a refusal of the data itself is no LF refusal.
        assertThat(failedWith("Access to the results bucket failed: KMS key disabled")).isInstanceOf(QueryOutcome.ResultsDenied.class);
        assertThat(failedWith("WorkGroup wg does not exist")).isInstanceOf(QueryOutcome.Failed.class);
    }

    @SuppressWarnings("unchecked")
    @Test
    void aRoleTheVerifierCannotAssumeIsNotALakeFormationRefusal() {
        AthenaClient athena = mock(AthenaClient.class);
        // What the SDK throws from the first call with the role's credentials when the role's trust refuses the verifier.
        when(athena.startQueryExecution(any(Consumer.class))).thenThrow(StsException.builder()
                .message("User: arn:aws:sts::333333333333:assumed-role/datamesh-deployer/datamesh-verify is not authorized"
                        + " to perform: sts:AssumeRole on resource: arn:aws:iam::333333333333:role/datamesh-marketing-analyst")
                .statusCode(403).build());

        assertThat(reader(athena).query(QUERY)).isInstanceOf(QueryOutcome.NotAssumed.class);
    }

    @Test
    void aRoleWhoseTrustRefusesTheVerifierIsNotAssumed() {
        var reader = new AwsAccountReader("333333333333", null, null, null, null, role -> {
            throw StsException.builder().message("not authorized to perform: sts:AssumeRole on resource: " + role).statusCode(403).build();
        }, Duration.ofMillis(300));

        assertThat(reader.query(QUERY)).isEqualTo(new QueryOutcome.NotAssumed(
                "not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::333333333333:role/analyst"));
    }

    @Test
    void anS3OrKmsFailureOnTheResultsIsNotALakeFormationRefusal() {
        // Athena's words when the workgroup's output location refuses the role (Athena troubleshooting guide).
        assertThat(failedWith("Access denied when writing output to url: s3://datamesh-marketing-athena-results/q1.csv."
                + " Please ensure you are allowed to access the S3 bucket. (Service: Amazon S3; Status Code: 403; Error Code: AccessDenied)"))
                .isInstanceOf(QueryOutcome.ResultsDenied.class);
        assertThat(failedWith("Unable to verify/create output bucket datamesh-marketing-athena-results"))
                .isInstanceOf(QueryOutcome.ResultsDenied.class);
        assertThat(failedWith("User: arn:aws:sts::333333333333:assumed-role/datamesh-marketing-analyst/datamesh-verify is not"
                + " authorized to perform: kms:GenerateDataKey on resource: arn:aws:kms:eu-west-1:333333333333:key/k1"))
                .isInstanceOf(QueryOutcome.ResultsDenied.class);
    }

    @Test
    void s3OrKmsRefusingTheTablesDataIsDataDeniedNotTheResults() {
        // Athena's words when the source data's bucket refuses the reader (AWS re:Post knowledge center,
        // "Why do I get an Access Denied error when I run a query in Amazon Athena?", access-denied-athena).
        assertThat(failedWith("Your query has the following errors:com.amazonaws.services.s3.model.AmazonS3Exception: Access Denied"
                + " (Service: Amazon S3; Status Code: 403; Error Code: AccessDenied; Request ID: 72VA5FB0ASWCQFPD; Proxy: null)"
                + " (Path: s3://datamesh-sales-data/orders/part-0.parquet)", READ_ROW))
                .isInstanceOf(QueryOutcome.DataDenied.class);
        assertThat(failedWith("HIVE_CURSOR_ERROR: Permission denied on S3 path: s3://datamesh-sales-data/orders/part-0.parquet", READ_ROW))
                .isInstanceOf(QueryOutcome.DataDenied.class);
        // IAM's access-denied format for the data key: reading needs kms:Decrypt, writing results kms:GenerateDataKey.
        assertThat(failedWith("User: arn:aws:sts::333333333333:assumed-role/datamesh-marketing-analyst/datamesh-verify is not"
                + " authorized to perform: kms:Decrypt on resource: arn:aws:kms:eu-west-1:222222222222:key/k1", READ_ROW))
                .isInstanceOf(QueryOutcome.DataDenied.class);
    }

    @SuppressWarnings("unchecked")
    private static QueryOutcome succeededWith(QueryExpectation query, List<List<String>> rows) {
        AthenaClient athena = mock(AthenaClient.class);
        when(athena.startQueryExecution(any(Consumer.class)))
                .thenReturn(StartQueryExecutionResponse.builder().queryExecutionId("q1").build());
        when(athena.getQueryExecution(any(Consumer.class))).thenReturn(GetQueryExecutionResponse.builder()
                .queryExecution(e -> e.queryExecutionId("q1").status(s -> s.state(QueryExecutionState.SUCCEEDED))).build());
        when(athena.getQueryResults(any(Consumer.class))).thenReturn(GetQueryResultsResponse.builder().resultSet(r -> r
                .resultSetMetadata(m -> m.columnInfo(ColumnInfo.builder().name("order_id").type("varchar").build()))
                .rows(rows.stream().map(values -> Row.builder().data(values.stream()
                        .map(v -> Datum.builder().varCharValue(v).build()).toList()).build()).toList())).build());
        return reader(athena).query(query);
    }

    @Test
    void theOneRowProbeCountsTheRowsAfterAthenasHeaderRow() {
        assertThat(READ_ROW.sql()).isEqualTo("SELECT * FROM \"shared_sales\".\"orders\" LIMIT 1");
        // Athena's first row of a SELECT's results holds the column names.
        assertThat(succeededWith(READ_ROW, List.of(List.of("order_id"), List.of("o-1"))))
                .isEqualTo(new QueryOutcome.Columns(List.of("order_id"), 1));
        assertThat(succeededWith(READ_ROW, List.of(List.of("order_id")))).isEqualTo(new QueryOutcome.Columns(List.of("order_id"), 0));
    }

    @SuppressWarnings("unchecked")
    @Test
    void aQueryThatOutlivesTheTimeoutIsStopped() {
        AthenaClient athena = mock(AthenaClient.class);
        when(athena.startQueryExecution(any(Consumer.class)))
                .thenReturn(StartQueryExecutionResponse.builder().queryExecutionId("q1").build());
        when(athena.getQueryExecution(any(Consumer.class))).thenReturn(GetQueryExecutionResponse.builder()
                .queryExecution(e -> e.queryExecutionId("q1").status(s -> s.state(QueryExecutionState.RUNNING))).build());

        assertThat(reader(athena).query(QUERY)).isEqualTo(new QueryOutcome.Failed("FAILED: still RUNNING after 0 s; stopped"));
        verify(athena).stopQueryExecution(any(Consumer.class));
    }

    @Test
    void selectOnAWholeTableListedAsAColumnWildcardIsTheNamedTable() {
        var reader = reader(null);
        assertThat(reader.resource(Resource.builder().tableWithColumns(t -> t.catalogId("111111111111").databaseName("sales")
                .name("orders").columnWildcard(w -> { })).build()))
                .contains(new LfResource.Table("111111111111", "sales", Optional.of("orders")));
        assertThat(reader.resource(Resource.builder().tableWithColumns(t -> t.databaseName("sales").name("orders")
                .columnNames("order_id")).build()))
                .contains(LfResource.TableColumns.named("333333333333", "sales", "orders", Set.of("order_id")));
        // Every column but the excluded ones, as the access model reads excludedColumnNames.
        assertThat(reader.resource(Resource.builder().tableWithColumns(t -> t.databaseName("sales").name("customers")
                .columnWildcard(w -> w.excludedColumnNames("email"))).build()))
                .contains(new LfResource.TableColumns("333333333333", "sales", "customers", Set.of(), Set.of("email")));
    }
}
