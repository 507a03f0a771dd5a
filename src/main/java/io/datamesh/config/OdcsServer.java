package io.datamesh.config;

import io.datamesh.names.MeshNames;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The S3 server of an ODCS contract: where in the domain's data bucket its products' files are,
 * and their format. A contract without one keeps the defaults of {@code datamesh:dataProducts}.
 *
 * @param location      the server's location, where a problem with a product's prefix is reported
 * @param prefixPattern the prefix, {@code {model}} standing for each schema object's name
 */
record OdcsServer(Optional<ConfigNode> location, String prefixPattern, String format) {
    private static final Pattern S3_LOCATION = Pattern.compile("s3://([^/]+)/(.*)");

    static OdcsServer of(ConfigNode servers, StackIdentity identity, String domain) {
        List<ConfigNode> s3 = servers.elements().stream().filter(s -> s.field("type").text("").equals("s3")).toList();
        if (s3.size() > 1) {
            s3.get(1).problem("is a second s3 server (also " + s3.get(0).key() + "): a product's files are in one place,"
                    + " the domain's data bucket; keep one");
        }
        if (s3.isEmpty()) {
            return new OdcsServer(Optional.empty(), "{model}/", "csv");
        }
        ConfigNode server = s3.get(0);
        ConfigNode location = server.field("location");
        String bucket = MeshNames.dataBucket(identity.namePrefix(), domain, identity.accountId(), identity.region());
        Matcher m = S3_LOCATION.matcher(location.text(""));
        String prefix = "{model}/";
        if (!m.matches()) {
            location.problem("'" + location.text("") + "' is not s3://<bucket>/<prefix>/, e.g. s3://" + bucket + "/{model}/");
        } else if (!identity.accountId().isEmpty() && !identity.region().isEmpty() && !m.group(1).equals(bucket)) {
            location.problem("names the bucket '" + m.group(1) + "', but this domain's data is in its own data bucket "
                    + bucket + ": use s3://" + bucket + "/" + m.group(2));
        } else {
            prefix = m.group(2);
        }
        ConfigNode format = server.field("format");
        String formatText = format.text("csv");
        if (!List.of("csv", "json", "parquet").contains(formatText)) {
            format.problem("'" + formatText + "' is not a format the catalog's tables read: csv, json or parquet");
        }
        return new OdcsServer(Optional.of(location), prefix, formatText);
    }
}
