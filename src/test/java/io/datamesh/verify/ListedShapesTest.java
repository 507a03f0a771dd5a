package io.datamesh.verify;

import io.datamesh.lakeformation.LfResource;
import io.datamesh.lakeformation.TagExpression;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static io.datamesh.verify.RecordedLakeFormation.RAW;
import static io.datamesh.verify.RecordedLakeFormation.entry;
import static io.datamesh.verify.RecordedLakeFormation.listing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every resource shape a ListPermissions answer holds, as recorded from its source, read by the SDK
 * from the wire and mapped to the plan's model. moto lists each grant in the shape it was made, so
 * it cannot stand in for the rewritten shapes.
 */
class ListedShapesTest {
    private static final String ACCOUNT = "333333333333";
    private static final String CENTRAL = "111111111111";
    private static final String API = "Lake Formation API reference, ";
    private static final String FILTER_GO = "terraform-provider-aws internal/service/lakeformation/filter.go, ";

    private static Arguments shape(String source, String resource, Optional<LfResource> model) {
        return arguments(source, resource, model);
    }

    static Stream<Arguments> shapes() {
        return Stream.of(
                shape(API + "DatabaseResource", "{\"Database\":{\"CatalogId\":\"111111111111\",\"Name\":\"sales\"}}",
                        Optional.of(new LfResource.Database(CENTRAL, "sales"))),
                shape(API + "DatabaseResource (CatalogId is optional: the caller's account)", "{\"Database\":{\"Name\":\"shared_sales\"}}",
                        Optional.of(new LfResource.Database(ACCOUNT, "shared_sales"))),
                shape(FILTER_GO + "filterTablePermissions: all but SELECT on a named table, as granted",
                        "{\"Table\":{\"CatalogId\":\"111111111111\",\"DatabaseName\":\"sales\",\"Name\":\"orders\"}}",
                        Optional.of(new LfResource.Table(CENTRAL, "sales", Optional.of("orders")))),
                shape(FILTER_GO + "filterTablePermissions: all but SELECT on a table wildcard, named ALL_TABLES",
                        "{\"Table\":{\"CatalogId\":\"111111111111\",\"DatabaseName\":\"sales\",\"Name\":\"ALL_TABLES\",\"TableWildcard\":{}}}",
                        Optional.of(new LfResource.Table(CENTRAL, "sales", Optional.empty()))),
                shape(FILTER_GO + "filterTablePermissions: SELECT on a named table, as a column wildcard",
                        "{\"TableWithColumns\":{\"CatalogId\":\"111111111111\",\"DatabaseName\":\"sales\",\"Name\":\"orders\",\"ColumnWildcard\":{}}}",
                        Optional.of(new LfResource.Table(CENTRAL, "sales", Optional.of("orders")))),
                shape(FILTER_GO + "filterTablePermissions: SELECT on a table wildcard, as ALL_TABLES with a column wildcard",
                        "{\"TableWithColumns\":{\"CatalogId\":\"111111111111\",\"DatabaseName\":\"sales\",\"Name\":\"ALL_TABLES\",\"ColumnWildcard\":{}}}",
                        Optional.of(new LfResource.Table(CENTRAL, "sales", Optional.empty()))),
                shape(FILTER_GO + "filterTableWithColumnsPermissions: SELECT on named columns",
                        "{\"TableWithColumns\":{\"CatalogId\":\"111111111111\",\"DatabaseName\":\"sales\",\"Name\":\"customers\","
                                + "\"ColumnNames\":[\"customer_id\",\"country\"]}}",
                        Optional.of(LfResource.TableColumns.named(CENTRAL, "sales", "customers", Set.of("customer_id", "country")))),
                shape(FILTER_GO + "filterTableWithColumnsPermissions: SELECT on every column but the excluded ones",
                        "{\"TableWithColumns\":{\"CatalogId\":\"111111111111\",\"DatabaseName\":\"sales\",\"Name\":\"customers\","
                                + "\"ColumnWildcard\":{\"ExcludedColumnNames\":[\"email\"]}}}",
                        Optional.of(LfResource.TableColumns.allBut(CENTRAL, "sales", "customers", Set.of("email")))),
                shape(API + "DataLocationResource", "{\"DataLocation\":{\"CatalogId\":\"222222222222\",\"ResourceArn\":\"arn:aws:s3:::datamesh-sales-data\"}}",
                        Optional.of(new LfResource.DataLocation("222222222222", "arn:aws:s3:::datamesh-sales-data"))),
                shape(API + "LFTagKeyResource", "{\"LFTag\":{\"CatalogId\":\"111111111111\",\"TagKey\":\"pii\",\"TagValues\":[\"true\",\"false\"]}}",
                        Optional.of(new LfResource.TagValues(CENTRAL, "pii", List.of("true", "false")))),
                shape(API + "LFTagPolicyResource with an Expression", "{\"LFTagPolicy\":{\"CatalogId\":\"111111111111\",\"ResourceType\":\"TABLE\","
                                + "\"Expression\":[{\"TagKey\":\"domain\",\"TagValues\":[\"sales\"]},{\"TagKey\":\"pii\",\"TagValues\":[\"false\"]}]}}",
                        Optional.of(new LfResource.TagPolicy(CENTRAL, LfResource.ResourceType.TABLE,
                                TagExpression.of(new TreeMap<>(Map.of("domain", List.of("sales"), "pii", List.of("false"))))))),
                shape(API + "LFTagPolicyResource naming a saved expression (ExpressionName), which the plan never makes",
                        "{\"LFTagPolicy\":{\"CatalogId\":\"111111111111\",\"ResourceType\":\"TABLE\",\"ExpressionName\":\"non_pii_sales\"}}",
                        Optional.empty()),
                shape(API + "CatalogResource, which the plan never grants on", "{\"Catalog\":{}}", Optional.empty()),
                shape(API + "DataCellsFilterResource, which the plan never grants on",
                        "{\"DataCellsFilter\":{\"TableCatalogId\":\"111111111111\",\"DatabaseName\":\"sales\",\"TableName\":\"customers\",\"Name\":\"eu_only\"}}",
                        Optional.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void eachListedShapeIsThePlansResource(String source, String resource, Optional<LfResource> model) {
        try (var lakeFormation = new RecordedLakeFormation("{}", Map.of(RAW, listing(entry("arn:aws:iam::333333333333:role/r",
                resource, "\"SELECT\"", ""))))) {
            var reader = new AwsAccountReader(ACCOUNT, null, lakeFormation.client(), null, null, role -> null, Duration.ZERO);
            assertThat(reader.grants()).singleElement().satisfies(g -> assertThat(g.resource()).isEqualTo(model));
        }
    }
}
