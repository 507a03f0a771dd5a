package io.datamesh.access;

import io.datamesh.lakeformation.AccessEvaluator;
import io.datamesh.lakeformation.AccessModel;
import io.datamesh.lakeformation.Principal;
import io.datamesh.resource.PlannedResource;
import io.datamesh.policy.PolicyPacks;
import io.datamesh.resource.Props;
import io.datamesh.policy.engine.PolicyFinding;
import io.datamesh.lakeformation.LfInputs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static io.datamesh.policy.Fixtures.CENTRAL;
import static io.datamesh.policy.Fixtures.CENTRAL_STACK;
import static io.datamesh.policy.Fixtures.res;
import static io.datamesh.policy.Fixtures.run;
import static io.datamesh.resource.ResourceTypes.GLUE_DATABASE;
import static io.datamesh.resource.ResourceTypes.GLUE_TABLE;
import static io.datamesh.resource.ResourceTypes.LF_PERMISSIONS;
import static io.datamesh.resource.ResourceTypes.LF_RESOURCE_TAG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A named {@code tableWithColumns} grant with {@code excludedColumnNames}: the access explainer and
 * the PII rule ({@code lf-no-named-grant-reaches-pii}) answer from the same model, so the columns the
 * explainer says the role reads are exactly the ones the rule judges.
 */
class NamedGrantAgreementTest {
    static final String ROLE = "arn:aws:iam::" + CENTRAL + ":role/analyst";

    @ParameterizedTest(name = "excluded {0}: reads {1}, PII reached {2}")
    @CsvSource(delimiter = '|', value = {
            "email phone | id country    | -",
            "Email       | id phone country | phone",
            "-           | id email phone country | email phone"})
    void theExplainerAndThePiiRuleAgree(String excluded, String readable, String piiReached) {
        List<String> excludedColumns = words(excluded);
        List<PlannedResource> stack = List.of(
                res(GLUE_DATABASE, "sales", "{'name':'sales'}"),
                res(GLUE_TABLE, "customers", "{'databaseName':'sales','name':'customers','storageDescriptor':{'columns':"
                        + "[{'name':'id'},{'name':'email'},{'name':'phone'},{'name':'country'}]}}"),
                res(LF_RESOURCE_TAG, "db-pii", "{'database':{'name':'sales'},'lfTag':{'key':'pii','value':'false'}}"),
                res(LF_RESOURCE_TAG, "col-pii", "{'tableWithColumns':{'databaseName':'sales','name':'customers',"
                        + "'columnNames':['email','phone']},'lfTag':{'key':'pii','value':'true'}}"),
                res(LF_PERMISSIONS, "named", "{'principal':'" + ROLE + "','permissions':['SELECT'],'permissionsWithGrantOptions':[],"
                        + "'tableWithColumns':{'databaseName':'sales','name':'customers','wildcard':true,'excludedColumnNames':"
                        + excludedColumns.stream().map(c -> "'" + c + "'").toList() + "}}"));

        var inputs = new LfInputs();
        stack.forEach(r -> inputs.add(CENTRAL, r.type(), r.name(), Props.of(r.inputs())));
        var evaluator = new AccessEvaluator(new AccessModel(inputs.catalogs(), inputs.links(), inputs.grants(), List.of()));
        var access = evaluator.access(Principal.parse(ROLE).orElseThrow(), evaluator.tables("sales", "customers").get(0));
        assertEquals(words(readable), access.columns());

        List<PolicyFinding> findings = run(PolicyPacks.all().stream().flatMap(p -> p.rules().stream())
                .filter(r -> r.name().equals("lf-no-named-grant-reaches-pii")).findFirst().orElseThrow(), CENTRAL_STACK, stack);
        List<String> pii = words(piiReached);
        assertEquals(pii.isEmpty() ? 0 : 1, findings.size(), findings.toString());
        findings.forEach(f -> assertTrue(f.message().contains("named grant of [SELECT] on sales.customers to " + ROLE
                + " reaches columns " + pii + " tagged pii = true"), f.message()));
        // Every PII column the rule names is one the explainer says the role reads, and no other PII column is readable.
        assertEquals(access.columns().stream().filter(c -> c.equals("email") || c.equals("phone")).toList(), pii);
    }

    private static List<String> words(String text) {
        return text == null || text.equals("-") ? List.of() : Arrays.asList(text.trim().split("\\s+")).stream()
                .map(w -> w.toLowerCase(java.util.Locale.ROOT)).toList();
    }
}
