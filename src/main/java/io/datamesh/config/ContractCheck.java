package io.datamesh.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Checks a producer's contracts against the central LF-tag ontology. The two live in different
 * stacks, so this runs wherever both are known: the offline plan (both files), the central stack
 * (contracts from the producer's outputs) and the producer stack (ontology from central's outputs).
 */
public final class ContractCheck {
    /** The tag every domain database carries, set by the mesh: producers never assign it themselves. */
    public static final String DOMAIN_TAG = "domain";

    private ContractCheck() {
    }

    public static List<ConfigProblem> againstOntology(Map<String, String> databaseTags, List<DataProduct> products,
                                                      Map<String, List<String>> ontology) {
        List<ConfigProblem> problems = new ArrayList<>();
        checkAssignments("", StackConfigParser.NS + "databaseTags", databaseTags, ontology, problems);
        for (int p = 0; p < products.size(); p++) {
            DataProduct product = products.get(p);
            // A contract's tags are a list of key=value strings: its problems name the list.
            String file = product.contract().map(DataProduct.Contract::file).orElse("");
            String productKey = product.contract().map(DataProduct.Contract::object)
                    .orElse(StackConfigParser.NS + "dataProducts[" + p + "]");
            String columns = product.contract().isPresent() ? ".properties[" : ".columns[";
            checkAssignments(file, productKey + ".tags", product.tags(), ontology, problems);
            for (int c = 0; c < product.columns().size(); c++) {
                checkAssignments(file, productKey + columns + c + "].tags", product.columns().get(c).tags(), ontology,
                        problems);
            }
        }
        return problems;
    }

    private static void checkAssignments(String file, String key, Map<String, String> tags,
                                         Map<String, List<String>> ontology, List<ConfigProblem> problems) {
        if (tags.containsKey(DOMAIN_TAG)) {
            problems.add(new ConfigProblem(file, key + "." + DOMAIN_TAG, "is set by the mesh to the producer's domain; remove it"));
        }
        tags.forEach((tagKey, value) -> checkTagValues(tagKey, List.of(value), ontology,
                message -> problems.add(new ConfigProblem(file, key + "." + tagKey, message))));
    }

    static void checkTagValues(String tagKey, List<String> values, Map<String, List<String>> ontology,
                               Consumer<String> report) {
        List<String> allowed = ontology.get(tagKey);
        if (allowed == null) {
            report.accept("'" + tagKey + "' is not an LF-tag key of the ontology " + ontology.keySet());
            return;
        }
        values.stream().filter(v -> !allowed.contains(v)).forEach(v ->
                report.accept("'" + v + "' is not an allowed value of LF-tag '" + tagKey + "' " + allowed));
    }
}
