package io.datamesh.central;

import java.util.Map;

/** Glue storage settings per contract format: what Athena needs to read the files. */
record TableFormats(String inputFormat, String outputFormat, String serde, Map<String, String> serdeParameters,
                    Map<String, String> tableParameters) {
    static TableFormats of(String format) {
        return switch (format) {
            case "csv" -> new TableFormats("org.apache.hadoop.mapred.TextInputFormat",
                    "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
                    "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe", Map.of("field.delim", ","),
                    Map.of("classification", "csv", "skip.header.line.count", "1", "EXTERNAL", "TRUE"));
            case "json" -> new TableFormats("org.apache.hadoop.mapred.TextInputFormat",
                    "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
                    "org.openx.data.jsonserde.JsonSerDe", Map.of(),
                    Map.of("classification", "json", "EXTERNAL", "TRUE"));
            case "parquet" -> new TableFormats("org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
                    "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
                    "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe", Map.of(),
                    Map.of("classification", "parquet", "EXTERNAL", "TRUE"));
            default -> throw new IllegalArgumentException("unsupported format " + format);
        };
    }
}
