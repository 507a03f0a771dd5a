package io.datamesh.config;

import io.datamesh.names.MeshNames;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Limits AWS puts on what a stack file names and says, checked before any resource is registered
 * so that a value AWS would refuse mid-deployment is refused here, with its source. Each limit is
 * listed, with the page it comes from, in docs/configuration.md; the Glue name
 * lengths are in the schemas ({@code stack.schema.json#/$defs/name}).
 */
final class AwsLimits {
    /** Glue TableInput.Description: "not more than 2048 bytes long" (AWS Glue API, Table structure). */
    static final int TABLE_DESCRIPTION_BYTES = 2048;
    /** Glue Column.Comment: "Maximum length of 255" (AWS Glue API, Column). */
    static final int COLUMN_COMMENT_BYTES = 255;
    /** Glue TableInput.Owner: "Maximum length of 255" (AWS Glue API, TableInput). */
    static final int TABLE_OWNER_BYTES = 255;
    /**
     * "LF-Tag keys and LF-Tag values can't exceed 50 characters in length" (Lake Formation developer
     * guide, "Lake Formation tag-based access control notes and restrictions"): stricter than the API
     * reference's 128 (TagKey) and 256 (TagValues), so the one that holds.
     */
    static final int LF_TAG_TEXT = 50;
    /** "The maximum number of LF-Tags that can be assigned to a Data Catalog resource is 50" (same page). */
    static final int LF_TAGS_PER_RESOURCE = 50;

    private static final String TBAC_NOTES = "Lake Formation developer guide, \"Lake Formation tag-based access"
            + " control notes and restrictions\"";
    /** Lake Formation API reference, LFTag: TagKey {@code ^([\p{L}\p{Z}\p{N}_.:\/=+\-@%]*)$}; values also allow '*'. */
    private static final Pattern LF_TAG_KEY_CHARACTER = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@%]");
    private static final Pattern LF_TAG_VALUE_CHARACTER = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:*/=+\\-@%]");
    /** Glue's Table.Description matches its "multi-line string pattern"; every other value is single-line. */
    private static final Pattern MULTI_LINE = Pattern.compile(Pattern.quote(StackConfigParser.NS)
            + "dataProducts\\[\\d+]\\.description");

    private AwsLimits() {
    }

    /** Reports every control character in the values and key names under {@code node}. */
    static void noControlCharacters(ConfigNode node) {
        boolean multiLine = MULTI_LINE.matcher(node.key()).matches();
        String found = ControlCharacters.in(node.text(""), multiLine ? "\t\n\r" : "");
        if (!found.isEmpty()) {
            node.problem("contains " + controlCharacters(found) + ": remove it ("
                    + (multiLine ? "a description may hold line breaks and tabs, nothing else"
                    : "stack-file values are printable single-line text") + ")");
        }
        node.entries().forEach((name, child) -> {
            String inName = ControlCharacters.in(name, "");
            if (!inName.isEmpty()) {
                child.problem("its name contains " + controlCharacters(inName) + ": remove it");
            }
            noControlCharacters(child);
        });
        node.elements().forEach(AwsLimits::noControlCharacters);
    }

    /** The same for a value outside the {@code datamesh:} namespace, such as {@code aws:region}. */
    static void noControlCharacters(String key, String value, List<ConfigProblem> problems) {
        String found = ControlCharacters.in(value, "");
        if (!found.isEmpty()) {
            problems.add(new ConfigProblem(key, "contains " + controlCharacters(found) + ": remove it"));
        }
    }

    private static String controlCharacters(String found) {
        return (found.contains(",") ? "the control characters " : "the control character ") + found;
    }

    /** Glue counts description and comment lengths in bytes: a non-ASCII character takes two to four. */
    static void glueText(ConfigNode node, int maxBytes, String field) {
        glueText(node, node.text(""), maxBytes, field);
    }

    /** A Glue text made from the config at {@code node}, reported there. */
    static void glueText(ConfigNode node, String text, int maxBytes, String field) {
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxBytes) {
            node.problem(String.format(Locale.ROOT, "is too long: %,d bytes in UTF-8, at most %,d (AWS Glue API, %s)",
                    bytes, maxBytes, field));
        }
    }

    /** An LF-tag of the ontology: its key and values as Lake Formation stores and accepts them. */
    static void lfTag(ConfigNode values, String key, List<String> allowed) {
        // Lake Formation stores LF-tags in lower case, and the mesh's tag expressions compare them so:
        // an upper-case key would name a tag the grants never meet.
        Stream.concat(Stream.of(key), allowed.stream()).filter(t -> !t.equals(t.toLowerCase(Locale.ROOT)))
                .forEach(t -> values.problem("'" + t + "' must be lower case: Lake Formation stores LF-tag keys and"
                        + " values in lower case"));
        lfTagText(values, "key", key, LF_TAG_KEY_CHARACTER, "LFTag.TagKey: letters, digits, spaces and _ . : / = + - @ %");
        allowed.forEach(value -> lfTagText(values, "value", value, LF_TAG_VALUE_CHARACTER,
                "LFTag.TagValues: letters, digits, spaces and _ . : * / = + - @ %"));
    }

    private static void lfTagText(ConfigNode node, String what, String text, Pattern character, String allowed) {
        int length = text.codePointCount(0, text.length());
        if (length > LF_TAG_TEXT) {
            node.problem("LF-tag " + what + " '" + text + "' is too long: " + length + " characters, at most " + LF_TAG_TEXT
                    + " (" + TBAC_NOTES + ")");
        }
        String refused = text.codePoints().mapToObj(Character::toString).filter(c -> !character.matcher(c).matches())
                .distinct().map(c -> "'" + c + "'").collect(Collectors.joining(", "));
        if (!refused.isEmpty()) {
            node.problem("LF-tag " + what + " '" + text + "' has characters Lake Formation refuses: " + refused
                    + " (Lake Formation API reference, " + allowed + ")");
        }
    }

    /**
     * LF-tags assigned to one database, table or column.
     *
     * @param meshAssigned tags the mesh assigns besides the configured ones (the domain database's {@code domain})
     */
    static void tagsPerResource(ConfigNode tags, int configured, int meshAssigned) {
        int assigned = configured + meshAssigned;
        if (assigned > LF_TAGS_PER_RESOURCE) {
            tags.problem("assigns " + assigned + " LF-tags" + (meshAssigned > 0 ? " (with the mesh's domain tag)" : "")
                    + ", at most " + LF_TAGS_PER_RESOURCE + " per resource (" + TBAC_NOTES + ")");
        }
    }

    /**
     * A grant's expression: Lake Formation takes "up to 50 keys per expression" (developer guide,
     * "Creating LF-Tag expressions"), and a resource carries at most 50 LF-tags, so an expression
     * with more keys could match nothing anyway.
     */
    static void expressionKeys(ConfigNode expression, int keys) {
        if (keys > LF_TAGS_PER_RESOURCE) {
            expression.problem("has " + keys + " LF-tag keys, at most " + LF_TAGS_PER_RESOURCE + " per expression (Lake"
                    + " Formation developer guide, \"Creating LF-Tag expressions\"; a resource carries at most "
                    + LF_TAGS_PER_RESOURCE + " LF-tags, " + TBAC_NOTES + ")");
        }
    }

    /**
     * A data product's name also names the Athena query each domain it is shared with gets to preview
     * it, which Athena caps well below Glue's 255.
     */
    static void previewQueryName(ConfigNode nameNode, String domain, String product) {
        String query = MeshNames.previewQuery(MeshNames.domainDatabase(domain), product);
        if (query.length() > MeshNames.MAX_NAMED_QUERY_NAME) {
            nameNode.problem("is too long: the Athena named query \"" + MeshNames.previewQuery(domain, "<name>")
                    + "\" each domain the table is shared with gets would be " + query.length()
                    + " characters, over Athena's " + MeshNames.MAX_NAMED_QUERY_NAME + " characters (Athena API,"
                    + " NamedQuery.Name): at most " + (MeshNames.MAX_NAMED_QUERY_NAME - query.length() + product.length())
                    + " here");
        }
    }
}
