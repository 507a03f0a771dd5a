package io.datamesh.datacheck;

import io.datamesh.config.ControlCharacters;
import org.duckdb.DuckDBDriver;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The sample files as DuckDB tables of text, one per file, each row numbered in file order. The
 * files are hostile input (a pull request can change them): they are read only by prepared
 * statements with every reader option explicit, never spliced into SQL, by an embedded in-memory
 * DuckDB that may read nothing but the project directory and cannot change its own settings.
 */
final class SampleTables implements AutoCloseable {
    /** The row number's column: not a Glue column name (a-z, 0-9, _), so no declared column is shadowed. */
    static final String ROW = "\"#row\"";
    private static final String FILE = "\"#file\"";
    /**
     * A whole file is held in memory as text; beyond this DuckDB stops with "out of memory" (a finding
     * for that file) instead of swapping the machine or spilling to disk (temp_directory is off).
     */
    private static final String MEMORY_LIMIT = "256MB";
    /**
     * One thread: the checks of sample files are small, the machines that run the plan are shared,
     * and one reader keeps the file's order, which the row numbers rely on.
     */
    private static final String THREADS = "1";
    /**
     * Hive's LazySimpleSerDe as Glue's csv tables declare it (central/TableFormats): ',' and one header
     * line. Every dialect option is given, so DuckDB's sniffer only finds the line ending; without
     * {@code skip = 0} and {@code comment = ''} it would skip leading rows or '#' lines it finds
     * inconsistent, and check a different file than Athena reads.
     */
    private static final String CSV = "read_csv(?, header = true, all_varchar = true, delim = ',', quote = '\"',"
            + " escape = '\"', nullstr = '', encoding = 'utf-8', strict_mode = true, skip = 0, comment = '')";
    /** The OpenX JsonSerDe reads one JSON object a line. */
    private static final String JSON = "read_json_objects(?, format = 'newline_delimited')";

    private final Connection connection;
    private int tables;

    private SampleTables(Connection connection) {
        this.connection = connection;
    }

    static SampleTables open(Path projectDir) throws SQLException {
        Properties settings = new Properties();
        settings.setProperty("threads", THREADS);
        settings.setProperty("memory_limit", MEMORY_LIMIT);
        settings.setProperty("temp_directory", "");
        // Extensions are never downloaded: csv, json and parquet are built into the driver.
        settings.setProperty("autoinstall_known_extensions", "false");
        settings.setProperty("autoload_known_extensions", "false");
        Connection connection = new DuckDBDriver().connect("jdbc:duckdb:", settings);
        try {
            try (PreparedStatement allowed = connection.prepareStatement("SET allowed_directories = [?]")) {
                allowed.setString(1, realDirectory(projectDir));
                allowed.execute();
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET enable_external_access = false");
                statement.execute("SET lock_configuration = true");
            }
            return new SampleTables(connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** DuckDB compares the paths it is given with the allowed directory as text: both are real paths. */
    private static String realDirectory(Path dir) throws SQLException {
        return realPath(dir) + dir.getFileSystem().getSeparator();
    }

    private static String realPath(Path path) throws SQLException {
        try {
            return path.toRealPath().toString();
        } catch (IOException e) {
            throw new SQLException(path + " cannot be resolved: " + e.getMessage(), e);
        }
    }

    /**
     * A file read into a table.
     *
     * @param columns the file's columns: its CSV header, the keys of its JSON objects, its Parquet schema
     */
    record Loaded(Path file, String table, List<String> columns) {
        Loaded {
            columns = List.copyOf(columns);
        }
    }

    /** Reads {@code file} whole; a file that is not valid in its format fails here with DuckDB's reason. */
    Loaded load(Path file, String format, List<String> declared) throws SQLException {
        String table = "f" + tables++;
        String path = realPath(file);
        switch (format) {
            case "csv" -> update("CREATE TEMP TABLE " + table + " AS SELECT row_number() OVER () AS " + ROW + ", * FROM " + CSV,
                    List.of(path));
            case "parquet" -> update("CREATE TEMP TABLE " + table + " AS SELECT row_number() OVER () AS " + ROW
                    + ", * FROM read_parquet(?)", List.of(path));
            case "json" -> {
                String objects = table + "_objects";
                update("CREATE TEMP TABLE " + objects + " AS SELECT row_number() OVER () AS " + ROW + ", json FROM " + JSON,
                        List.of(path));
                List<String> keys = strings("SELECT DISTINCT unnest(json_keys(json)) AS k FROM " + objects + " ORDER BY k", List.of());
                // Only the declared keys become columns: each is a validated Glue name, given as a parameter.
                List<String> present = declared.stream().filter(keys::contains).toList();
                update("CREATE TEMP TABLE " + table + " AS SELECT " + ROW + present.stream()
                        .map(c -> ", json_extract_string(json, ?) AS " + identifier(c)).collect(Collectors.joining())
                        + " FROM " + objects, present.stream().map(c -> "$.\"" + c + "\"").toList());
                return new Loaded(file, table, keys);
            }
            default -> throw new IllegalArgumentException("unsupported format " + format);
        }
        List<String> columns = strings("SELECT column_name FROM information_schema.columns WHERE table_name = ?"
                + " AND column_name <> '#row' ORDER BY ordinal_position", List.of(table));
        return new Loaded(file, table, columns);
    }

    /** The rows of complete files (every declared column present), as text, with their file and row number. */
    Rows union(List<Loaded> files, List<String> declared) throws SQLException {
        String select = files.stream().map(f -> "SELECT " + files.indexOf(f) + " AS " + FILE + ", " + ROW
                + declared.stream().map(c -> ", CAST(" + identifier(c) + " AS VARCHAR) AS " + identifier(c)).collect(Collectors.joining())
                + " FROM " + f.table()).collect(Collectors.joining(" UNION ALL "));
        String table = "p" + tables++;
        update("CREATE TEMP TABLE " + table + " AS " + select, List.of());
        return new Rows(table, files.stream().map(Loaded::file).toList());
    }

    /** The first {@link DataCheck#SHOWN_ROWS} of the rows a condition finds, and how many there are. */
    record Matches(long count, List<DataCheck.Offender> rows) {
    }

    /** The union of one product's complete files. */
    final class Rows {
        private final String table;
        private final List<Path> files;

        private Rows(String table, List<Path> files) {
            this.table = table;
            this.files = List.copyOf(files);
        }

        /**
         * The rows {@code tail} (a WHERE and/or QUALIFY clause) selects, showing {@code value}.
         *
         * @param params the values of the tail's {@code ?}, bound as text
         */
        Matches matching(String value, String tail, List<String> params) throws SQLException {
            String sql = "SELECT count(*) OVER () AS n, f, r, v FROM (SELECT " + FILE + " AS f, " + ROW + " AS r, " + value
                    + " AS v FROM " + table + " " + tail + ") ORDER BY f, r LIMIT " + DataCheck.SHOWN_ROWS;
            long count = 0;
            List<DataCheck.Offender> rows = new ArrayList<>();
            try (PreparedStatement statement = prepared(sql, params); ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    count = result.getLong(1);
                    rows.add(new DataCheck.Offender(files.get(result.getInt(2)), result.getLong(3), result.getString(4)));
                }
            }
            return new Matches(count, rows);
        }

        /** {@code count(expression)}, or the number of rows for an empty expression. */
        long count(String expression) throws SQLException {
            return number("SELECT count(" + (expression.isEmpty() ? "*" : expression) + ") FROM " + table);
        }

        /** The number of distinct non-null values (one expression) or combinations (several). */
        long distinct(List<String> expressions) throws SQLException {
            String key = expressions.size() == 1 ? expressions.get(0) : "(" + String.join(", ", expressions) + ")";
            return number("SELECT count(DISTINCT " + key + ") FROM " + table);
        }

        long total() throws SQLException {
            return count("");
        }

        private long number(String sql) throws SQLException {
            try (PreparedStatement statement = prepared(sql, List.of()); ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** A column name as a quoted identifier: declared names are Glue names, but a file's header is anything. */
    static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /**
     * DuckDB's reason on one line: its first two lines ("CSV Error on Line: 3", then why), without
     * the SQL excerpt, the offending line's text or the list of fixes; control characters visible.
     */
    static String firstLine(SQLException e) {
        String message = String.valueOf(e.getMessage()).lines().map(String::strip)
                .takeWhile(l -> !l.isEmpty() && !l.startsWith("LINE ") && !l.startsWith("Possible"))
                .filter(l -> !l.startsWith("Original Line")).limit(2).collect(Collectors.joining(" "));
        return ControlCharacters.visible(message.length() > 300 ? message.substring(0, 300) + "…" : message);
    }

    private void update(String sql, List<String> params) throws SQLException {
        try (PreparedStatement statement = prepared(sql, params)) {
            statement.execute();
        }
    }

    private List<String> strings(String sql, List<String> params) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = prepared(sql, params); ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }

    private PreparedStatement prepared(String sql, List<String> params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            statement.setString(i + 1, params.get(i));
        }
        return statement;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
