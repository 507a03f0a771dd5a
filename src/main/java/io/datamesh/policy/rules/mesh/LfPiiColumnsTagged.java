package io.datamesh.policy.rules.mesh;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.engine.StackResources;
import io.datamesh.policy.engine.StackRule;
import io.datamesh.policy.engine.Violation;
import io.datamesh.resource.ResourceTypes;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A personal column without the PII tag is readable by every grant that keeps PII out by that tag.
 * Personal is what the column's name or comment looks like, or what its contract says: an ODCS
 * {@code classification} the Glue column carries as its {@code classification} parameter. The
 * contract mapping gives such a column the tag; this rule catches a table where it did not arrive.
 */
public final class LfPiiColumnsTagged extends StackRule {
    public LfPiiColumnsTagged() {
        super("lf-pii-columns-tagged", EnforcementLevel.MANDATORY,
                "Every column whose name or comment looks personal, or whose contract classifies it PII, carries the PII"
                        + " tag with value true.");
    }

    @Override
    public Map<String, Map<String, Object>> configSchema() {
        return Map.of(
                "tagKey", Map.of("type", "string", "default", "pii", "description", "LF-tag key marking personal data."),
                "columnPattern", Map.of("type", "string", "format", "regex",
                        "default", "(?i)(e_?mail|phone|address|birth|ssn|passport|first_?name|last_?name|full_?name|customer_?name)",
                        "description", "Regular expression found in a personal column's name or comment."),
                "classification", Map.of("type", "string", "default", "pii",
                        "description", "ODCS classification (the Glue column's classification parameter) of a personal column."));
    }

    @Override
    public List<Violation> check(StackResources stack, RuleEnv env) {
        String tagKey = env.config().string("tagKey").orElseThrow();
        Pattern personal = Pattern.compile(env.config().string("columnPattern").orElseThrow());
        String classification = env.config().string("classification").orElseThrow();
        LfTagAssignments tags = LfTagAssignments.of(stack);
        return eachResource(stack.ofType(ResourceTypes.GLUE_TABLE), table -> {
            String database = table.inputs().string("databaseName").orElse("");
            String name = table.inputs().string("name").orElse("");
            List<String> untagged = table.inputs().objects("storageDescriptor", "columns").stream()
                    .filter(c -> personal.matcher(c.string("name").orElse("")).find()
                            || personal.matcher(c.string("comment").orElse("")).find()
                            || classification.equalsIgnoreCase(c.string("parameters", "classification").orElse("")))
                    .map(c -> c.string("name").orElse(""))
                    .filter(column -> !"true".equalsIgnoreCase(tags.ofColumn(database, name, column).get(tagKey)))
                    .toList();
            return untagged.isEmpty() ? List.of() : List.of(new Violation(table.urn(), "table " + database + "." + name
                    + ": columns " + untagged + " look personal or are classified " + classification + " but are not tagged "
                    + tagKey + " = true"));
        });
    }
}
