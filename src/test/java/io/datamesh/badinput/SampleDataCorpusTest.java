package io.datamesh.badinput;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Issue 20: sample files are hostile input (a pull request changes them, the stack uploads them to
 * a shared bucket). {@code ./datamesh check-data} reads them against their contracts: a file that
 * breaks its contract, or its format, is a finding with file, column, rule and rows (exit 8), never
 * a crash, a raw control character on the terminal, or a row silently skipped.
 */
class SampleDataCorpusTest extends CorpusTest {
    private static final String ORDERS = "sample-data/orders/orders.csv";
    private static final String CUSTOMERS = "sample-data/customers/customers.csv";

    private static BadInputCase checked(String name, Consumer<BadInputMesh> breaking, String... fragments) {
        return BadInputCase.planned(name, breaking, fragments).command("check-data", "--dir", "{dir}").exits(8);
    }

    /** The issue's proof: a string in quantity, a null order_id and a duplicated customer_id, each named with its row. */
    private static void issueProof(BadInputMesh m) {
        m.replace(ORDERS, "o-1002,c-002,2026-10-01,coffee beans 1kg,3,", "o-1002,c-002,2026-10-01,coffee beans 1kg,three,");
        m.replace(ORDERS, "o-1003,", ",");
        m.replace(CUSTOMERS, "c-004,", "c-002,");
    }

    static Stream<BadInputCase> cases() {
        return Stream.of(
                BadInputCase.planned("the sample's data products declared inline", BadInputMesh::withDataProducts, "2 file(s) checked, 0 failure(s)")
                        .command("check-data", "--dir", "{dir}"),
                BadInputCase.planned("the sample's ODCS contracts", m -> { }, "2 file(s) checked, 0 failure(s)")
                        .command("check-data", "--dir", "{dir}"),
                checked("a string in quantity, a null order_id, a duplicated customer_id",
                        SampleDataCorpusTest::issueProof,
                        ORDERS + ": order_id: primaryKey: 1 null or empty value(s): row 3 null",
                        ORDERS + ": quantity: type int: 1 value(s) not of type int: row 2 'three'",
                        CUSTOMERS + ": customer_id: primaryKey: 2 row(s) share a value with another row: row 2 'c-002', row 4 'c-002'",
                        "2 file(s) checked, 3 failure(s)"),
                BadInputCase.planned("the plan warns of the same rows, and still plans", SampleDataCorpusTest::issueProof,
                        "warning: sample data: " + ORDERS + ": quantity: type int: 1 value(s) not of type int: row 2 'three'",
                        "3 sample data check failure(s)"),
                checked("a string in quantity, declared in dataProducts", m -> m.withDataProducts().replace(ORDERS, ",coffee beans 1kg,3,",
                        ",coffee beans 1kg,3 bags,"), ORDERS + ": quantity: type int: 1 value(s) not of type int: row 2 '3 bags'"),
                checked("a file that is not UTF-8", m -> m.writeBytes(ORDERS, "order_id,customer_id,order_date,product,quantity,amount\no-1,c-1,2026-10-01,caf\u00e9,1,1.00\n"
                        .getBytes(StandardCharsets.ISO_8859_1)), ORDERS + ": readable as csv: ", "not utf-8 encoded"),
                checked("a row with a field too many", m -> m.append(ORDERS, "o-1005,c-001,2026-10-05,mug,1,9.90,surprise"),
                        ORDERS + ": readable as csv: "),
                checked("a terminal escape in a value", m -> m.replace(ORDERS, ",1,349.00", ",\u001b[2J1,349.00"),
                        ORDERS + ": quantity: type int: 1 value(s) not of type int: row 1 'U+001B[2J1'").never("\u001b"),
                checked("a header that is SQL", m -> m.write(ORDERS, "order_id,customer_id,order_date,product,quantity,amount,"
                                + "\"x\"\") FROM t; --\"\no-1001,c-001,2026-10-01,mug,1,9.90,1\n"),
                        ORDERS + ": x\") FROM t; --: declared: in the file, not in the contract"),
                checked("a row that starts with '#' is data, not a comment", m -> m.append(ORDERS, "#o-1005,c-001,2026-10-05,mug,one,9.90"),
                        ORDERS + ": quantity: type int: 1 value(s) not of type int: row 7 'one'"),
                checked("columns in another order than declared", m -> m.write(ORDERS,
                        "customer_id,order_id,order_date,product,quantity,amount\nc-001,o-1001,2026-10-01,mug,1,9.90\n"),
                        ORDERS + ": column order: the header is [customer_id, order_id,", "Athena reads CSV columns by position"),
                BadInputCase.refused("a sample file that is a link out of the project", m -> m.delete(ORDERS)
                        .symlink(ORDERS, Path.of("/etc/passwd")), "leads through a symbolic link to /etc/passwd")
                        .command("check-data", "--dir", "{dir}"));
    }
}
