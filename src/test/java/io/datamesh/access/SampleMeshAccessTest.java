package io.datamesh.access;

import io.datamesh.lakeformation.AccessEvaluator;
import io.datamesh.lakeformation.AccessExplainer.MissingStep;
import io.datamesh.lakeformation.Principal;
import io.datamesh.plan.AccountState;
import io.datamesh.plan.MeshPlan;
import io.datamesh.plan.MeshPlanner;
import io.datamesh.plan.StackPlan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The explainer on the sample stacks of the repository, planned once for the whole class. */
class SampleMeshAccessTest {
    static final Principal MARKETING_ANALYST = Principal.role("333333333333", "datamesh-marketing-analyst");
    static MeshPlan plan;
    static AccessEvaluator evaluator;

    @BeforeAll
    static void planTheSample() throws Exception {
        plan = MeshPlanner.plan(Path.of("."), AccountState.TYPICAL);
        evaluator = new AccessEvaluator(PlanAccessModel.of(plan));
    }

    @Test
    void theMarketingAnalystReadsOrdersFullyAndCustomersWithoutPii() {
        var orders = evaluator.access(MARKETING_ANALYST, table("orders"));
        assertEquals(List.of("order_id", "customer_id", "order_date", "product", "quantity", "amount"), orders.columns());
        assertEquals(List.of("SELECT", "DESCRIBE"), orders.permissions());
        var customers = evaluator.access(MARKETING_ANALYST, table("customers"));
        assertEquals(List.of("customer_id", "country", "segment", "signup_date"), customers.columns());
        assertEquals(List.of("central-grant-marketing-sales-non-pii-analyst", "central-grant-marketing-sales-database-analyst",
                "marketing-access-analyst-describe-link-sales"), customers.via());
    }

    @Test
    void theExplainerSaysWhyAPiiColumnIsNotReadable() {
        var explanation = evaluator.explain(MARKETING_ANALYST, table("customers"), Optional.of("email"));
        assertEquals(Optional.of(MissingStep.COLUMN_OVERRIDE), explanation.missing());
        assertEquals(List.of("central-grant-marketing-sales-non-pii-analyst: column excluded by an override: column tag pii=true"
                + " overrides the inherited pii=false (from database sales) and the expression allows pii in [false]"),
                explanation.reasons());
    }

    @Test
    void theMatrixListsEveryRoleWithAccessAndOnlyThose() {
        assertEquals(List.of("datamesh-sales-engineer orders", "datamesh-sales-engineer customers",
                        "datamesh-marketing-analyst orders", "datamesh-marketing-analyst customers",
                        "datamesh-crawler orders", "datamesh-crawler customers"),
                evaluator.matrix().stream().map(a -> a.principal().role().orElseThrow() + " " + a.table()).toList());
    }

    @Test
    void withoutTheConsumersLinkDescribeTheAnalystIsDenied() {
        var withoutLinkGrant = new MeshPlan(plan.stacks().stream().map(SampleMeshAccessTest::withoutLinkDescribe).toList(),
                plan.deployOrder(), plan.runs(), plan.configs(), plan.settings(), plan.notes());
        var explanation = new AccessEvaluator(PlanAccessModel.of(withoutLinkGrant))
                .explain(MARKETING_ANALYST, table("orders"), Optional.empty());
        assertEquals(Optional.of(MissingStep.NO_LINK_DESCRIBE), explanation.missing());
    }

    /** A query through a link needs DESCRIBE on the target database: across accounts no table grant implies it. */
    @Test
    void withoutCentralsDatabaseGrantTheAnalystIsDenied() {
        var withoutDatabaseGrant = new MeshPlan(plan.stacks().stream().map(s -> without(s, "central-grant-marketing-sales-database")).toList(),
                plan.deployOrder(), plan.runs(), plan.configs(), plan.settings(), plan.notes());
        var explanation = new AccessEvaluator(PlanAccessModel.of(withoutDatabaseGrant))
                .explain(MARKETING_ANALYST, table("orders"), Optional.empty());
        assertEquals(Optional.of(MissingStep.NO_DATABASE_DESCRIBE), explanation.missing(), explanation.reasons().toString());
    }

    @Test
    void theDiagramShowsAccountsLinksAndLabelledGrants() {
        String mermaid = MeshDiagram.mermaid(plan);
        assertTrue(mermaid.startsWith("flowchart LR\n"), mermaid);
        assertTrue(mermaid.contains("subgraph account_333333333333[\"account 333333333333 — stack consumer\"]"), mermaid);
        assertTrue(mermaid.contains("db_333333333333_shared_sales -.->|\"points to\"| db_111111111111_sales"), mermaid);
        assertTrue(mermaid.contains("expr_2{{\"TABLE where domain in [sales] AND pii in [false]\"}}"), mermaid);
        assertTrue(mermaid.contains("expr_2 -->|\"SELECT, DESCRIBE\"| role_333333333333_datamesh_marketing_analyst"), mermaid);
        assertTrue(mermaid.contains("table_111111111111_sales_customers[\"customers<br/>owner sales-crm · contract 1.0.0<br/>"
                + "classification=confidential<br/>full_name, email, phone: pii=true\"]"), mermaid);
    }

    private static StackPlan withoutLinkDescribe(StackPlan stack) {
        return without(stack, "describe-link");
    }

    private static StackPlan without(StackPlan stack, String namePart) {
        return new StackPlan(stack.stack(), stack.role(),
                stack.resources().stream().filter(r -> !r.name().contains(namePart)).toList(),
                stack.outputs(), stack.warnings(), stack.errors(), stack.retainedOnDelete(), stack.dependsOn());
    }

    private static AccessEvaluator.CatalogTable table(String name) {
        return evaluator.tables("sales", name).get(0);
    }
}
