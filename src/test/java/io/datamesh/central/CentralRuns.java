package io.datamesh.central;

import io.datamesh.config.CentralSettings;
import io.datamesh.config.ContractColumn;
import io.datamesh.config.DataProduct;
import io.datamesh.config.StackConfigParser;
import io.datamesh.lakeformation.AccountSettings;
import io.datamesh.plan.AccountState;
import io.datamesh.plan.MeshPlanner;
import io.datamesh.resource.PlannedResource;
import io.datamesh.plan.SampleMesh;
import io.datamesh.plan.StackFiles;
import io.datamesh.plan.StackPlan;
import io.datamesh.stackref.ProducerExport;
import io.datamesh.stackref.QueryRoles;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CentralCatalog runs shared by the tests of its children: each variant is planned once, through
 * the offline plan's mock engine, and every test asserts on the recorded resources.
 */
final class CentralRuns {
    static final String ACCOUNT = "111111111111";
    static final String SALES_KEY = "arn:aws:kms:eu-west-1:222222222222:key/sales";
    static final String ENGINEER = "arn:aws:iam::222222222222:role/datamesh-sales-engineer";
    static final String ANALYST = "arn:aws:iam::333333333333:role/datamesh-marketing-analyst";
    /** A marketing role narrowed to a domain no marketing grant reaches: it must receive nothing. */
    static final String HR_ONLY = "arn:aws:iam::333333333333:role/datamesh-marketing-hr-reader";

    private static StackPlan onboarded;
    private static StackPlan nothingDeployed;

    private CentralRuns() {
    }

    /** The sample central settings, the sales producer deployed, and three query roles published. */
    static synchronized StackPlan onboarded() {
        if (onboarded == null) {
            onboarded = run(List.of(sales()), Map.of(
                    "sales", new QueryRoles(QueryRoles.VERSION, List.of(new QueryRoles.Role("engineer", ENGINEER, List.of()))),
                    "marketing", new QueryRoles(QueryRoles.VERSION, List.of(
                            new QueryRoles.Role("analyst", ANALYST, List.of("sales")),
                            new QueryRoles.Role("hr-reader", HR_ONLY, List.of("hr"))))));
        }
        return onboarded;
    }

    /** A first run of central: no producer deployed, no domain has published its roles. */
    static synchronized StackPlan nothingDeployed() {
        if (nothingDeployed == null) {
            nothingDeployed = run(List.of(), Map.of());
        }
        return nothingDeployed;
    }

    static ProducerExport sales() {
        return new ProducerExport("sales", "222222222222", "datamesh-sales-data-222222222222-eu-west-1", SALES_KEY,
                Map.of("pii", "false"), List.of(
                new DataProduct("orders", "Orders", "csv", "orders/", Map.of(), List.of(
                        new ContractColumn("order_id", "string", "Order", Map.of()))),
                new DataProduct("customers", "Customers", "parquet", "customers/", Map.of("classification", "confidential"),
                        List.of(new ContractColumn("customer_id", "string", "Customer", Map.of()),
                                new ContractColumn("email", "string", "Email", Map.of("pii", "true")),
                                new ContractColumn("phone", "string", "Phone", Map.of("pii", "true"))), List.of(),
                        Optional.of("sales-crm"), Optional.of("2.0.0"), Optional.empty())));
    }

    static CentralSettings settings() {
        try {
            return (CentralSettings) StackConfigParser.parse(StackFiles.load(SampleMesh.ROOT, "datamesh", "central"));
        } catch (StackFiles.UnreadableException e) {
            throw new AssertionError(e);
        }
    }

    static PlannedResource named(StackPlan plan, String name) {
        return plan.resources().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no resource " + name + " in " + plan.resources().stream()
                        .map(PlannedResource::name).toList()));
    }

    /** The resources whose parent is the component of that type (and the name given). */
    static List<PlannedResource> childrenOf(StackPlan plan, String componentType, String componentName) {
        return plan.resources().stream().filter(r -> r.parent().filter(p -> p.endsWith(componentType + "::" + componentName))
                .isPresent()).toList();
    }

    private static StackPlan run(List<ProducerExport> producers, Map<String, QueryRoles> queryRoles) {
        var settings = settings();
        var lakeSettings = new AccountSettings(List.of("arn:aws:iam::" + ACCOUNT + ":role/datamesh-lake-admin"), List.of(),
                List.of(), Map.of(AccountSettings.CROSS_ACCOUNT_VERSION, "4"), List.of(), false, List.of(), List.of(), false);
        StackPlan plan = MeshPlanner.run("central", settings.identity(), "central", AccountState.TYPICAL, Map.of(), ctx -> {
            new CentralCatalog("central", new CentralCatalogArgs(settings, producers, queryRoles, lakeSettings));
            return List.of();
        });
        if (!plan.errors().isEmpty()) {
            throw new AssertionError("the central run failed: " + plan.errors());
        }
        return plan;
    }
}
