package io.datamesh.badinput;

import java.util.stream.Stream;

import static io.datamesh.badinput.BadInputCase.refused;

/**
 * Issue 18, class 4: references and lists. Every domain a grant, an analyst or an expression names
 * is in the mesh; a list the schema wants at least one of is not empty; a repeat in any list is
 * named at its index, under the list it is in.
 */
class ReferenceCorpusTest extends CorpusTest {
    private static final String CENTRAL = "Pulumi.central.yaml";
    private static final String CONSUMER = "Pulumi.consumer.yaml";
    private static final String PRODUCER = "Pulumi.producer.yaml";

    static Stream<BadInputCase> cases() {
        return Stream.of(
                refused("an analyst narrowed to a domain that does not exist", m -> m.replace(CONSUMER, "domains: [sales]",
                        "domains: [salez]"), CONSUMER + ": datamesh:analysts[0].domains[0]: 'salez' is not a producer domain of "
                        + CENTRAL + " [sales]; did you mean sales?", "narrowed to nothing"),
                refused("an analyst narrowed to a consumer domain", m -> m.replace(CONSUMER, "domains: [sales]",
                        "domains: [sales, marketing]"), "datamesh:analysts[0].domains[1]: 'marketing' is not a producer domain"),
                refused("an analyst narrowed to no domain", m -> m.replace(CONSUMER, "domains: [sales]", "domains: []"),
                        CONSUMER + ": datamesh:analysts[0].domains: is empty: omit the key"),
                refused("an analyst assumed by nobody", m -> m.replace(CONSUMER, "      assumedBy:\n",
                        "      assumedBy: []\n      x:\n"), CONSUMER + ": datamesh:analysts[0].assumedBy: is empty"),
                refused("a grant to a domain that does not exist", m -> m.replace(CENTRAL, "to: marketing", "to: finance"),
                        CENTRAL + ": datamesh:grants[0].to: 'finance' is not a configured producer or consumer domain"),
                refused("an expression naming a consumer as domain", m -> m.replace(CENTRAL, "      resource: DATABASE\n"
                        + "      permissions: [DESCRIBE]\n      expression:\n        domain: [sales]", "      resource: DATABASE\n"
                        + "      permissions: [DESCRIBE]\n      expression:\n        domain: [marketing]"),
                        CENTRAL + ": datamesh:grants[0].expression.domain: 'marketing' is not a producer domain [sales]",
                        "the grant would match nothing"),
                refused("an expression naming a domain outside the ontology", m -> m.replace(CENTRAL, "        domain: [sales]\n"
                        + "        pii: [\"false\"]\n    # The producer", "        domain: [finance]\n        pii: [\"false\"]\n"
                        + "    # The producer"), CENTRAL + ": datamesh:grants[1].expression.domain"),
                refused("no data products", m -> m.withDataProducts().edit(PRODUCER, t -> t.substring(0, t.indexOf("  datamesh:dataProducts:"))
                        + "  datamesh:dataProducts: []\n"), PRODUCER + ": datamesh:dataProducts: is empty: a producer publishes"
                        + " at least one data product"),
                refused("a product with no columns", m -> m.withDataProducts().edit(PRODUCER, t -> t.replaceFirst("(?s)      columns:\n(        - \\{name: "
                        + "order_id.*?)\n    - name: customers", "      columns: []\n    - name: customers")),
                        PRODUCER + ": datamesh:dataProducts[0].columns: is required: a contract declares its columns"),
                refused("a grant with no permissions", m -> m.replace(CENTRAL, "permissions: [DESCRIBE]", "permissions: []"),
                        CENTRAL + ": datamesh:grants[0].permissions: is required: list the permissions"),
                refused("a grant with an empty expression", m -> m.replace(CENTRAL, "      expression:\n        domain: [sales]\n"
                        + "    # Every", "      expression: {}\n    # Every"), CENTRAL + ": datamesh:grants[0].expression: is required"),
                refused("an LF-tag with no values", m -> m.replace(CENTRAL, "pii: [\"true\", \"false\"]", "pii: []"),
                        CENTRAL + ": datamesh:lfTags.pii: an LF-tag needs at least one value"),
                refused("a duplicate producer domain", m -> m.replace(CENTRAL, "  datamesh:consumers:",
                        "    - domain: sales\n      accountId: \"444444444444\"\n      stack: producer2\n  datamesh:consumers:"),
                        CENTRAL + ": datamesh:producers[1].domain: duplicate domain 'sales'"
                                + " (also datamesh:producers[0].domain): producers and consumers share one namespace"),
                refused("a consumer domain that repeats a producer's", m -> m.replace(CENTRAL, "    - domain: marketing",
                        "    - domain: sales"), "datamesh:consumers[0].domain: duplicate domain", "(also datamesh:producers[0].domain)"),
                refused("two domains in one account", m -> m.replace(CENTRAL, "accountId: \"333333333333\"",
                        "accountId: \"222222222222\""), CENTRAL + ": datamesh:consumers[0].accountId: duplicate account id",
                        "(also datamesh:producers[0].accountId)"),
                refused("a domain in central's account", m -> m.replace(CENTRAL, "accountId: \"333333333333\"",
                        "accountId: \"111111111111\""), "datamesh:consumers[0].accountId: duplicate account id '111111111111'"
                        + " (also datamesh:accountId): each domain and the central catalog need their own account"),
                refused("two domains deployed from one stack", m -> m.replace(CENTRAL, "      stack: consumer", "      stack: producer"),
                        CENTRAL + ": datamesh:consumers[0].stack: duplicate stack 'organization/datamesh/producer'"
                                + " (also datamesh:producers[0].stack): each domain deploys from its own stack"),
                refused("a duplicate grant name", m -> m.replace(CENTRAL, "name: sales-own-tables", "name: sales-own-database"),
                        CENTRAL + ": datamesh:grants[3].name: duplicate grant name 'sales-own-database' (also"
                                + " datamesh:grants[2].name)"),
                refused("a duplicate data product", m -> m.withDataProducts().replace(PRODUCER, "    - name: customers", "    - name: orders"),
                        PRODUCER + ": datamesh:dataProducts[1].name: duplicate data product 'orders' (also"
                                + " datamesh:dataProducts[0].name)"),
                refused("a duplicate column", m -> m.withDataProducts().replace(PRODUCER, "{name: product,", "{name: quantity,"),
                        PRODUCER + ": datamesh:dataProducts[0].columns[4].name: duplicate column 'quantity' (also"
                                + " datamesh:dataProducts[0].columns[3].name)"),
                refused("a duplicate prefix", m -> m.withDataProducts().replace(PRODUCER, "prefix: customers/", "prefix: orders/"),
                        "datamesh:dataProducts[1].prefix: duplicate prefix 'orders/' (also datamesh:dataProducts[0].prefix)"),
                refused("a duplicate LF-tag value", m -> m.replace(CENTRAL, "[public, internal, confidential]",
                        "[public, internal, public]"), CENTRAL + ": datamesh:lfTags.classification[2]: duplicate value 'public'"
                        + " (also datamesh:lfTags.classification[0])"),
                refused("a duplicate permission", m -> m.replace(CENTRAL, "permissions: [DESCRIBE]", "permissions: [DESCRIBE, DESCRIBE]"),
                        "datamesh:grants[0].permissions[1]: duplicate value 'DESCRIBE'"),
                refused("a duplicate admin", m -> m.replace(CONSUMER, "    - arn:aws:iam::333333333333:role/datamesh-deployer",
                        "    - arn:aws:iam::333333333333:role/datamesh-deployer\n    - arn:aws:iam::333333333333:role/datamesh-deployer"),
                        CONSUMER + ": datamesh:lakeFormationAdmins[1]: duplicate value"),
                refused("a duplicate analyst domain", m -> m.replace(CONSUMER, "domains: [sales]", "domains: [sales, sales]"),
                        "datamesh:analysts[0].domains[1]: duplicate value 'sales' (also datamesh:analysts[0].domains[0])"),
                refused("a duplicate analyst", m -> m.replace(CONSUMER, "  datamesh:athena:", "    - name: analyst\n  datamesh:athena:"),
                        "datamesh:analysts[1].name: duplicate analyst role 'analyst' (also datamesh:analysts[0].name)"),
                refused("an expression of 51 keys", m -> m.replace(CENTRAL, "        domain: [sales]\n        pii: [\"false\"]\n"
                        + "    # The producer", "        domain: [sales]\n        pii: [\"false\"]\n" + fiftyMoreKeys()
                        + "    # The producer"), CENTRAL + ": datamesh:grants[1].expression: has 51 LF-tag keys, at most 50 per"
                        + " expression (Lake Formation developer guide, \"Creating LF-Tag expressions\""),
                refused("a duplicate expression value", m -> m.replace(CENTRAL, "pii: [\"false\"]\n    # The producer",
                        "pii: [\"false\", \"false\"]\n    # The producer"), "datamesh:grants[1].expression.pii[1]: duplicate value"));
    }

    /** Keys 3 to 51 of an expression: not in the ontology either, which is reported too. */
    private static String fiftyMoreKeys() {
        StringBuilder keys = new StringBuilder();
        for (int i = 3; i <= 51; i++) {
            keys.append("        k").append(i).append(": [v]\n");
        }
        return keys.toString();
    }
}
