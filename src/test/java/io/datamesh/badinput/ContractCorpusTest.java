package io.datamesh.badinput;

import java.nio.file.Path;
import java.util.stream.Stream;


/**
 * Issue 20: the ODCS contract files a producer lists. Every problem is a configuration problem
 * (exit 2), named by the contract file and the JSON path in it, every problem at once. The sample
 * producer reads its products from the sample's contracts: each case breaks them.
 */
class ContractCorpusTest extends CorpusTest {
    private static final String PRODUCER = "Pulumi.producer.yaml";
    private static final String ORDERS = "contracts/orders.odcs.yaml";

    static Stream<BadInputCase> cases() {
        return Stream.of(
                BadInputCase.refused("a contract file that does not exist", m -> m.replace(PRODUCER, "contracts/orders.odcs.yaml",
                        "contracts/order.odcs.yaml"), PRODUCER + ": datamesh:contracts[0]: 'contracts/order.odcs.yaml' does not exist"),
                BadInputCase.refused("a contract path climbing out of the project", m -> m.replace(PRODUCER, "- contracts/orders.odcs.yaml",
                        "- ../outside.odcs.yaml"), "datamesh:contracts[0]: '../outside.odcs.yaml' climbs out of the project"),
                BadInputCase.refused("a contract that is a symlink out of the project", m -> {
                    m.delete(ORDERS);
                    m.symlink(ORDERS, Path.of("/etc/passwd"));
                }, "datamesh:contracts[0]: contracts/orders.odcs.yaml: leads through a symbolic link to /etc/passwd"),
                BadInputCase.refused("a contract that is a directory", m -> m.delete(ORDERS).write(ORDERS + "/x", "x"),
                        ORDERS + ": $: is a directory"),
                BadInputCase.refused("a contract the ODCS schema refuses", m -> m.replace(ORDERS, "status: active", "status: [active]"),
                        ORDERS + ": $.status: ", "(ODCS v3.1.0 JSON Schema)"),
                BadInputCase.refused("an unknown logicalType", m -> m.replace(ORDERS, "logicalType: date", "logicalType: datetime"),
                        ORDERS + ": $.schema[0].properties[2].logicalType: does not have a value in the enumeration"),
                BadInputCase.refused("a logicalType and physicalType that disagree", m -> m.replace(ORDERS, "logicalType: integer",
                        "logicalType: string"), ORDERS + ": $.schema[0].properties[4].logicalType: is 'string', but physicalType 'int'"),
                BadInputCase.refused("a duplicate property", m -> m.replace(ORDERS, "- name: product", "- name: order_id"),
                        ORDERS + ": $.schema[0].properties[3].name: duplicate property 'order_id' (also $.schema[0].properties[0].name)"),
                BadInputCase.refused("an s3 location outside the domain's bucket", m -> m.replace(ORDERS,
                        "s3://datamesh-sales-data-222222222222-eu-west-1/", "s3://someone-elses-bucket/"),
                        ORDERS + ": $.servers[0].location: names the bucket 'someone-elses-bucket'"),
                BadInputCase.refused("both contracts and dataProducts", m -> m.append(PRODUCER, "  datamesh:dataProducts:",
                        "    - name: extra", "      columns: [{name: a, type: string}]"),
                        PRODUCER + ": datamesh:contracts: and datamesh:dataProducts are both set"),
                // AWS's limits hold for a contract as for datamesh:dataProducts (AwsLimitsCorpusTest).
                BadInputCase.refused("a property name one longer than Glue's 255", m -> m.replace(ORDERS, "- name: order_id",
                        "- name: " + "c".repeat(256)), ORDERS + ": $.schema[0].properties[0].name: is too long: 256 characters,"
                        + " at most 255 (AWS Glue API: database, table and column names are 1-255 bytes)"),
                BadInputCase.refused("a table description one byte longer than Glue's 2,048", m -> m.replace(ORDERS,
                        "description: \"One row per order line, updated daily.\"", "description: " + "d".repeat(2049)),
                        ORDERS + ": $.schema[0].description: is too long: 2,049 bytes in UTF-8, at most 2,048 (AWS Glue API,"
                        + " TableInput.Description)"),
                BadInputCase.refused("a property description one byte longer than Glue's 255", m -> m.replace(ORDERS,
                        "description: Order identifier", "description: " + "x".repeat(256)),
                        ORDERS + ": $.schema[0].properties[0].description: is too long: 256 bytes in UTF-8, at most 255"),
                BadInputCase.refused("a decimal precision above 38", m -> m.replace(ORDERS, "physicalType: \"decimal(10,2)\"",
                        "physicalType: \"decimal(39,2)\""), ORDERS + ": $.schema[0].properties[5].physicalType: 'decimal(39,2)'"
                        + " has precision 39"),
                BadInputCase.refused("two contracts declaring one table", m -> m.replace("contracts/customers.odcs.yaml",
                        "  - name: customers\n", "  - name: orders\n"), "contracts/customers.odcs.yaml: $.schema[0]: duplicate"
                        + " data product (table) name 'orders' (also contracts/orders.odcs.yaml $.schema[0])"),
                BadInputCase.refused("every contract problem at once", m -> {
                    m.replace(ORDERS, "logicalType: date", "logicalType: datetime");
                    m.replace("contracts/customers.odcs.yaml", "- name: segment", "- name: country");
                }, ORDERS + ": $.schema[0].properties[2].logicalType", "contracts/customers.odcs.yaml: $.schema[0].properties[5].name:"
                        + " duplicate property 'country'", "2 configuration problem(s)"));
    }
}
