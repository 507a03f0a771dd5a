package io.datamesh.badinput;

import io.datamesh.plan.ContractPlanEquivalenceTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;


/**
 * Issue 20: the ODCS contract files a producer lists. Every problem is a configuration problem
 * (exit 2), named by the contract file and the JSON path in it, every problem at once.
 */
class ContractCorpusTest extends CorpusTest {
    private static final String PRODUCER = "Pulumi.producer.yaml";
    private static final String ORDERS = "contracts/orders.odcs.yaml";

    /** The sample producer, reading its products from the sample's ODCS contracts. */
    static BadInputMesh contracts(BadInputMesh m) {
        try {
            return m.write(PRODUCER, Files.readString(ContractPlanEquivalenceTest.CONTRACTS_STACK));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BadInputCase refused(String name, Consumer<BadInputMesh> breaking, String... fragments) {
        return BadInputCase.refused(name, m -> breaking.accept(contracts(m)), fragments);
    }

    static Stream<BadInputCase> cases() {
        return Stream.of(
                refused("a contract file that does not exist", m -> m.replace(PRODUCER, "contracts/orders.odcs.yaml",
                        "contracts/order.odcs.yaml"), PRODUCER + ": datamesh:contracts[0]: 'contracts/order.odcs.yaml' does not exist"),
                refused("a contract path climbing out of the project", m -> m.replace(PRODUCER, "- contracts/orders.odcs.yaml",
                        "- ../outside.odcs.yaml"), "datamesh:contracts[0]: '../outside.odcs.yaml' climbs out of the project"),
                refused("a contract that is a symlink out of the project", m -> {
                    m.delete(ORDERS);
                    m.symlink(ORDERS, Path.of("/etc/passwd"));
                }, "datamesh:contracts[0]: contracts/orders.odcs.yaml: leads through a symbolic link to /etc/passwd"),
                refused("a contract that is a directory", m -> m.delete(ORDERS).write(ORDERS + "/x", "x"),
                        ORDERS + ": $: is a directory"),
                refused("a contract the ODCS schema refuses", m -> m.replace(ORDERS, "status: active", "status: [active]"),
                        ORDERS + ": $.status: ", "(ODCS v3.1.0 JSON Schema)"),
                refused("an unknown logicalType", m -> m.replace(ORDERS, "logicalType: date", "logicalType: datetime"),
                        ORDERS + ": $.schema[0].properties[2].logicalType: does not have a value in the enumeration"),
                refused("a logicalType and physicalType that disagree", m -> m.replace(ORDERS, "logicalType: integer",
                        "logicalType: string"), ORDERS + ": $.schema[0].properties[4].logicalType: is 'string', but physicalType 'int'"),
                refused("a duplicate property", m -> m.replace(ORDERS, "- name: product", "- name: order_id"),
                        ORDERS + ": $.schema[0].properties[3].name: duplicate property 'order_id' (also $.schema[0].properties[0].name)"),
                refused("an s3 location outside the domain's bucket", m -> m.replace(ORDERS,
                        "s3://datamesh-sales-data-222222222222-eu-west-1/", "s3://someone-elses-bucket/"),
                        ORDERS + ": $.servers[0].location: names the bucket 'someone-elses-bucket'"),
                refused("both contracts and dataProducts", m -> m.append(PRODUCER, "  datamesh:dataProducts:",
                        "    - name: extra", "      columns: [{name: a, type: string}]"),
                        PRODUCER + ": datamesh:contracts: and datamesh:dataProducts are both set"),
                refused("every contract problem at once", m -> {
                    m.replace(ORDERS, "logicalType: date", "logicalType: datetime");
                    m.replace("contracts/customers.odcs.yaml", "- name: segment", "- name: country");
                }, ORDERS + ": $.schema[0].properties[2].logicalType", "contracts/customers.odcs.yaml: $.schema[0].properties[5].name:"
                        + " duplicate property 'country'", "2 configuration problem(s)"));
    }
}
