package io.datamesh.datacheck;

import io.datamesh.config.ContractColumn;
import io.datamesh.config.DataProduct;
import io.datamesh.config.QualityRule;
import io.datamesh.config.SampleData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Each check with a file that passes it and one that fails it, and what the failure names. */
class DataCheckTest {
    @TempDir
    Path project;

    private static ContractColumn column(String name, String type) {
        return new ContractColumn(name, type, "", Map.of());
    }

    private static ContractColumn column(String name, String type, boolean required, boolean unique, boolean primaryKey,
                                         QualityRule... quality) {
        return new ContractColumn(name, type, "", Map.of(), required, unique, primaryKey, List.of(quality),
                Optional.empty());
    }

    private static QualityRule rule(QualityRule.Metric metric, String operator, long operand) {
        return new QualityRule(metric, new QualityRule.Bound(operator, List.of(BigDecimal.valueOf(operand))), false,
                List.of(), "", List.of());
    }

    private static DataProduct product(String format, List<ContractColumn> columns, QualityRule... quality) {
        return new DataProduct("orders", "", format, "orders/", Map.of(), columns, List.of(quality), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    private List<String> check(DataProduct product, String... files) throws IOException {
        Path dir = project.resolve("sample-data").resolve(product.name());
        Files.createDirectories(dir);
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            Path file = dir.resolve(product.name() + i + "." + product.format());
            Files.writeString(file, files[i]);
            paths.add(file);
        }
        return lines(product, dir, paths);
    }

    private List<String> lines(DataProduct product, Path dir, List<Path> paths) {
        return DataCheck.check(project, List.of(new SampleData.Upload(product, dir, true, paths))).failures().stream()
                .map(f -> f.line(project)).toList();
    }

    private static final String FILE = "sample-data/orders/orders0.csv: ";

    @Test
    void everyDeclaredColumnIsPresentAndNoOtherIs() throws IOException {
        var product = product("csv", List.of(column("id", "string"), column("n", "int")));
        assertThat(check(product, "id,n\na,1\n")).isEmpty();
        assertThat(check(product, "id\na\n")).containsExactly(FILE + "n: present: declared in the contract, not in the file");
        assertThat(check(product, "id,n,secret\na,1,x\n")).containsExactly(FILE + "secret: declared: in the file, not in"
                + " the contract: declare it (and tag it if it is personal) or remove it");
    }

    @Test
    void csvColumnsAreInTheDeclaredOrderBecauseAthenaReadsThemByPosition() throws IOException {
        var product = product("csv", List.of(column("id", "string"), column("n", "int")));
        assertThat(check(product, "n,id\n1,a\n")).singleElement().asString()
                .startsWith(FILE + "column order: the header is [n, id] but the contract declares [id, n]");
    }

    @Test
    void valuesCastToTheirDeclaredType() throws IOException {
        var product = product("csv", List.of(column("n", "int"), column("d", "date"), column("amount", "decimal(4,2)"),
                column("code", "varchar(2)"), column("b", "boolean")));
        assertThat(check(product, "n,d,amount,code,b\n1,2026-10-01,12.50,GB,true\n,,,,\n")).isEmpty();
        assertThat(check(product, "n,d,amount,code,b\n1,2026-10-01,12.50,GB,true\nmany,2026-13-01,123.00,GBR,perhaps\n"))
                .containsExactly(FILE + "n: type int: 1 value(s) not of type int: row 2 'many'",
                        FILE + "d: type date: 1 value(s) not of type date: row 2 '2026-13-01'",
                        FILE + "amount: type decimal(4,2): 1 value(s) not of type decimal(4,2): row 2 '123.00'",
                        FILE + "code: type varchar(2): 1 value(s) not of type varchar(2): row 2 'GBR'",
                        FILE + "b: type boolean: 1 value(s) not of type boolean: row 2 'perhaps'");
    }

    @Test
    void integersAndBooleansAreHeldToTheFormAthenaReads() throws IOException {
        var product = product("csv", List.of(column("n", "bigint"), column("b", "boolean")));
        assertThat(check(product, "n,b\n-5,TRUE\n+7,false\n")).isEmpty();
        assertThat(check(product, "n,b\n1e3,yes\n1_000,t\n")).containsExactly(
                FILE + "n: type bigint: 2 value(s) not of type bigint: row 1 '1e3', row 2 '1_000'",
                FILE + "b: type boolean: 2 value(s) not of type boolean: row 1 'yes', row 2 't'");
    }

    @Test
    void requiredHasNoNullOrEmptyValue() throws IOException {
        var product = product("csv", List.of(column("id", "string", true, false, false), column("x", "string")));
        assertThat(check(product, "id,x\na,\n")).isEmpty();
        assertThat(check(product, "id,x\na,1\n,2\nb,3\n\"\",4\n"))
                .containsExactly(FILE + "id: required: 2 null or empty value(s): row 2 null, row 4 null");
    }

    @Test
    void uniqueHasNoDuplicateAndComparesValuesOfTheType() throws IOException {
        var product = product("csv", List.of(column("n", "int", false, true, false)));
        assertThat(check(product, "n\n1\n2\n\n\n")).isEmpty();
        assertThat(check(product, "n\n1\n2\n01\n")).containsExactly(FILE + "n: unique: 2 row(s) share a value with another"
                + " row: row 1 '1', row 3 '01'");
    }

    @Test
    void aPrimaryKeyIsUniqueAndNeverNull() throws IOException {
        var product = product("csv", List.of(column("id", "string", false, false, true)));
        assertThat(check(product, "id\na\nb\n")).isEmpty();
        assertThat(check(product, "id\na\n\na\n")).containsExactly(
                FILE + "id: primaryKey: 1 null or empty value(s): row 2 null",
                FILE + "id: primaryKey: 2 row(s) share a value with another row: row 1 'a', row 3 'a'");
    }

    @Test
    void duplicatesAcrossTheFilesOfOneProductAreFound() throws IOException {
        var product = product("csv", List.of(column("id", "string", false, true, false)));
        assertThat(check(product, "id\na\n", "id\nb\n")).isEmpty();
        assertThat(check(product, "id\na\n", "id\na\n")).containsExactly("sample-data/orders: id: unique: 2 row(s) share"
                + " a value with another row: row 1 'a' (orders0.csv), row 1 'a' (orders1.csv)");
    }

    @Test
    void nullValuesCountsNulls() throws IOException {
        var product = product("csv", List.of(column("q", "int", false, false, false,
                rule(QualityRule.Metric.NULL_VALUES, "mustBeLessThan", 2))));
        assertThat(check(product, "q\n1\n\n3\n")).isEmpty();
        assertThat(check(product, "q\n\n2\n\n")).containsExactly(FILE + "q: quality nullValues mustBeLessThan 2:"
                + " nullValues is 2 row(s): row 1 null, row 3 null");
    }

    @Test
    void missingValuesCountsNullsAndTheListedValues() throws IOException {
        var missing = new QualityRule(QualityRule.Metric.MISSING_VALUES, new QualityRule.Bound("mustBe",
                List.of(BigDecimal.ZERO)), false, List.of("n/a", "-"), "", List.of());
        var product = product("csv", List.of(column("c", "string", false, false, false, missing)));
        assertThat(check(product, "c\nGB\nNA\n")).isEmpty();
        assertThat(check(product, "c\nGB\nn/a\n\n-\n")).containsExactly(FILE + "c: quality missingValues mustBe 0:"
                + " missingValues is 3 row(s): row 2 'n/a', row 3 null, row 4 '-'");
    }

    @Test
    void invalidValuesCountsValuesOutsideTheValidOnes() throws IOException {
        var invalid = new QualityRule(QualityRule.Metric.INVALID_VALUES, new QualityRule.Bound("mustBe",
                List.of(BigDecimal.ZERO)), false, List.of("GB", "DE"), "", List.of());
        var product = product("csv", List.of(column("c", "string", false, false, false, invalid)));
        assertThat(check(product, "c\nGB\nDE\n\n")).isEmpty();
        assertThat(check(product, "c\nGB\nXX\n")).containsExactly(FILE + "c: quality invalidValues mustBe 0:"
                + " invalidValues is 1 row(s): row 2 'XX'");
    }

    @Test
    void invalidValuesByPatternMatchesTheWholeValue() throws IOException {
        var invalid = new QualityRule(QualityRule.Metric.INVALID_VALUES, new QualityRule.Bound("mustBe",
                List.of(BigDecimal.ZERO)), false, List.of(), "o-[0-9]{4}", List.of());
        var product = product("csv", List.of(column("id", "string", false, false, false, invalid)));
        assertThat(check(product, "id\no-1001\n")).isEmpty();
        assertThat(check(product, "id\no-1001\nxo-1002\no-10\n")).containsExactly(FILE + "id: quality invalidValues"
                + " mustBe 0: invalidValues is 2 row(s): row 2 'xo-1002', row 3 'o-10'");
    }

    @Test
    void duplicateValuesCountsTheRowsRepeatingAnEarlierValue() throws IOException {
        var product = product("csv", List.of(column("c", "string", false, false, false,
                rule(QualityRule.Metric.DUPLICATE_VALUES, "mustBeLessOrEqualTo", 1))));
        assertThat(check(product, "c\na\na\nb\n")).isEmpty();
        assertThat(check(product, "c\na\na\na\n")).containsExactly(FILE + "c: quality duplicateValues"
                + " mustBeLessOrEqualTo 1: duplicateValues is 2 row(s): row 1 'a', row 2 'a', row 3 'a'");
    }

    @Test
    void aTableLevelDuplicateValuesComparesTheCombination() throws IOException {
        var combination = new QualityRule(QualityRule.Metric.DUPLICATE_VALUES, new QualityRule.Bound("mustBe",
                List.of(BigDecimal.ZERO)), false, List.of(), "", List.of("a", "n"));
        var product = product("csv", List.of(column("a", "string"), column("n", "int")), combination);
        assertThat(check(product, "a,n\nx,1\nx,2\ny,1\n")).isEmpty();
        assertThat(check(product, "a,n\nx,1\nx,01\n")).containsExactly(FILE + "a+n: quality duplicateValues mustBe 0:"
                + " duplicateValues is 1 row(s): row 1 'x, 1', row 2 'x, 01'");
    }

    @Test
    void rowCountBoundsTheRowsOfAllFiles() throws IOException {
        var product = product("csv", List.of(column("c", "string")), rule(QualityRule.Metric.ROW_COUNT, "mustBeGreaterThan", 1));
        assertThat(check(product, "c\na\n", "c\nb\n")).isEmpty();
        assertThat(check(product, "c\na\n")).containsExactly(FILE + "quality rowCount mustBeGreaterThan 1: rowCount is 1 row(s)");
    }

    @Test
    void aPercentRuleComparesTheShareOfRows() throws IOException {
        var percent = new QualityRule(QualityRule.Metric.NULL_VALUES, new QualityRule.Bound("mustBeLessThan",
                List.of(BigDecimal.valueOf(50))), true, List.of(), "", List.of());
        var product = product("csv", List.of(column("c", "string", false, false, false, percent)));
        assertThat(check(product, "c\na\n\nb\n")).isEmpty();
        assertThat(check(product, "c\na\n\n")).containsExactly(FILE + "c: quality nullValues mustBeLessThan 50 percent:"
                + " nullValues is 50.00% of 2 row(s): row 2 null");
    }

    @Test
    void jsonLinesAreCheckedByKeyWithTheirLineNumbers() throws IOException {
        var product = product("json", List.of(column("id", "string", true, false, false), column("n", "int")));
        assertThat(check(product, "{\"id\":\"a\",\"n\":1}\n{\"id\":\"b\",\"n\":\"2\"}\n")).isEmpty();
        assertThat(check(product, "{\"id\":\"a\",\"n\":1}\n{\"n\":\"two\",\"id\":null}\n{\"id\":\"c\",\"n\":3,\"extra\":true}\n"))
                .containsExactly("sample-data/orders/orders0.json: extra: declared: in the file, not in the contract:"
                                + " declare it (and tag it if it is personal) or remove it",
                        "sample-data/orders/orders0.json: id: required: 1 null or empty value(s): row 2 null",
                        "sample-data/orders/orders0.json: n: type int: 1 value(s) not of type int: row 2 'two'");
    }

    @Test
    void parquetColumnsAreCheckedAgainstTheDeclaredTypes() throws Exception {
        Path dir = project.resolve("sample-data/orders");
        Files.createDirectories(dir);
        Path good = dir.resolve("good.parquet");
        Path bad = dir.resolve("bad.parquet");
        try (Connection duckdb = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:", new Properties())) {
            for (var file : Map.of(good, "SELECT 'a' AS id, 1 AS n", bad, "SELECT 'a' AS id, 'x' AS n UNION ALL SELECT 'a', '2'").entrySet()) {
                try (PreparedStatement copy = duckdb.prepareStatement("COPY (" + file.getValue() + ") TO '" + file.getKey()
                        + "' (FORMAT parquet)")) {
                    copy.execute();
                }
            }
        }
        var product = product("parquet", List.of(column("id", "string", false, true, false), column("n", "int")));
        assertThat(lines(product, dir, List.of(good))).isEmpty();
        assertThat(lines(product, dir, List.of(bad))).containsExactly(
                "sample-data/orders/bad.parquet: id: unique: 2 row(s) share a value with another row: row 1 'a', row 2 'a'",
                "sample-data/orders/bad.parquet: n: type int: 1 value(s) not of type int: row 1 'x'");
    }

    @Test
    void aFileThatIsNotValidInItsFormatIsAFindingNotACrash() throws IOException {
        var product = product("csv", List.of(column("id", "string"), column("n", "int")));
        assertThat(check(product, "id,n\na,1\nb,2,3\n")).singleElement().asString()
                .startsWith(FILE + "readable as csv: ");
    }

    @Test
    void withoutFilesDuckDbIsNotStarted() {
        var product = product("csv", List.of(column("id", "string")));
        var report = DataCheck.check(project.resolve("no-such-directory"),
                List.of(new SampleData.Upload(product, project.resolve("x"), false, List.of())));
        // A project directory that does not exist would fail DuckDB's start: nothing was started.
        assertThat(report.files()).isZero();
        assertThat(report.failures()).isEmpty();
    }
}
