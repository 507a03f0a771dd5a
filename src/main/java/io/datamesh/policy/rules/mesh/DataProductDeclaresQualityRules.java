package io.datamesh.policy.rules.mesh;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.engine.StackResources;
import io.datamesh.policy.engine.StackRule;
import io.datamesh.policy.engine.Violation;
import io.datamesh.resource.ResourceTypes;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A data product whose contract declares no quality rule the catalog can check is shared with no
 * promise about its data: consumers find a wrong type or a duplicate key in their own queries.
 * Central creates a Glue Data Quality ruleset for every table whose contract has one, so a table
 * no ruleset targets is such a product. Advisory: contracts grow their rules over time.
 */
public final class DataProductDeclaresQualityRules extends StackRule {
    public DataProductDeclaresQualityRules() {
        super("data-product-declares-quality-rules", EnforcementLevel.ADVISORY,
                "Every data product (Glue table) declares quality rules: a Glue Data Quality ruleset targets it.");
    }

    @Override
    public List<Violation> check(StackResources stack, RuleEnv env) {
        Set<String> checked = stack.ofType(ResourceTypes.GLUE_DATA_QUALITY_RULESET).stream()
                .map(r -> r.inputs().string("targetTable", "databaseName").orElse("") + "."
                        + r.inputs().string("targetTable", "tableName").orElse(""))
                .collect(Collectors.toSet());
        return eachResource(stack.ofType(ResourceTypes.GLUE_TABLE), table -> {
            String name = table.inputs().string("databaseName").orElse("") + "." + table.inputs().string("name").orElse("");
            return checked.contains(name) ? List.of() : List.of(new Violation(table.urn(), "table " + name
                    + " has no quality rules: declare them in its ODCS contract (required, unique, primaryKey, quality;"
                    + " docs/contracts.md)"));
        });
    }
}
