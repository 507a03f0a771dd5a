package io.datamesh.policy.rules.mesh;

import io.datamesh.lakeformation.TaggedCatalog;
import io.datamesh.policy.engine.ConfigSchemas;
import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.engine.StackResources;
import io.datamesh.policy.engine.StackRule;
import io.datamesh.policy.engine.Violation;
import io.datamesh.resource.ResourceTypes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Untagged data matches no tag expression, so it is invisible to every consumer (or, with a named grant, ungoverned). */
public final class LfRequiredTags extends StackRule {
    public LfRequiredTags() {
        super("lf-required-tags", EnforcementLevel.MANDATORY,
                "Every catalog database and table carries the required LF-tag keys, with values from the ontology.");
    }

    @Override
    public Map<String, Map<String, Object>> configSchema() {
        return Map.of(
                "requiredKeys", ConfigSchemas.stringList("Tag keys every database and table needs.", List.of("domain", "classification")),
                "ontology", Map.of("type", "object", "additionalProperties", Map.of("type", "array", "items", Map.of("type", "string")),
                        "default", Map.of(), "description", "Allowed values by key; the stack's LfTag resources also count."));
    }

    @Override
    public List<Violation> check(StackResources stack, RuleEnv env) {
        LfTagAssignments tags = LfTagAssignments.of(stack);
        Map<String, List<String>> ontology = new HashMap<>(tags.allowedValues());
        ontology.putAll(env.config().stringLists("ontology"));
        List<String> required = env.config().strings("requiredKeys");
        List<Violation> violations = new ArrayList<>(eachResource(stack.ofType(ResourceTypes.GLUE_DATABASE), db -> {
            // A resource link only points at a tagged database in another catalog; it cannot carry tags itself.
            if (db.inputs().object("targetDatabase").isPresent()) {
                return List.of();
            }
            String name = db.inputs().string("name").orElse("");
            return problems(tags.ofDatabase(name), required, ontology).stream()
                    .map(p -> new Violation(db.urn(), "database " + name + ": " + p)).toList();
        }));
        violations.addAll(eachResource(stack.ofType(ResourceTypes.GLUE_TABLE), table -> {
            String database = table.inputs().string("databaseName").orElse("");
            String name = table.inputs().string("name").orElse("");
            return problems(tags.ofTable(database, name), required, ontology).stream()
                    .map(p -> new Violation(table.urn(), "table " + database + "." + name + ": " + p)).toList();
        }));
        return violations;
    }

    private static List<String> problems(Map<String, String> effective, List<String> required,
                                         Map<String, List<String>> ontology) {
        List<String> problems = new ArrayList<>();
        for (String key : required) {
            String value = effective.get(TaggedCatalog.lower(key));
            List<String> allowed = ontology.getOrDefault(key, ontology.get(TaggedCatalog.lower(key)));
            if (value == null) {
                problems.add("no '" + key + "' tag");
            } else if (allowed != null && allowed.stream().noneMatch(value::equalsIgnoreCase)) {
                problems.add(key + " = " + value + " is not one of " + allowed);
            }
        }
        return problems;
    }
}
