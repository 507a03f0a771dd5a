package io.datamesh.util;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One YAML file of a project, read the way a careless or hostile author may have written it: what
 * is not a readable, single, well-formed YAML document is said in words (a directory, a pipe that
 * would block the read, binary, another encoding, a key given twice), never as a parser's trace.
 */
public final class YamlFile {
    /** Stack files are a few kilobytes; a generated mesh of 50 domains' central is about 200 KB. */
    static final long MAX_BYTES = 4L << 20;
    /** A stack file nests about eight levels (config, key, list, column, tags, ...). */
    static final int MAX_DEPTH = 32;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private YamlFile() {
    }

    /**
     * The file's document (an empty file reads as an empty map), or empty after adding each problem
     * as {@code <name>: <message>} to {@code problems}.
     */
    public static Optional<JsonNode> read(Path file, String name, List<String> problems) {
        Optional<String> notAFile = FileKinds.notARegularFile(file);
        if (notAFile.isPresent()) {
            problems.add(name + ": " + notAFile.get());
            return Optional.empty();
        }
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                problems.add(name + ": is " + Files.size(file) + " bytes; a stack file over " + (MAX_BYTES >> 20)
                        + " MiB is refused (the largest generated mesh's is a few hundred KB)");
                return Optional.empty();
            }
            text = text(Files.readAllBytes(file), name, problems);
        } catch (IOException e) {
            problems.add(name + ": cannot be read (" + e.getMessage() + ")");
            return Optional.empty();
        }
        if (text == null) {
            return Optional.empty();
        }
        int before = problems.size();
        compose(text, name, problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        try {
            JsonNode node = YAML.readTree(text);
            return Optional.of(node == null || node.isMissingNode() ? YAML.createObjectNode() : node);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
            problems.add(name + where + ": not valid YAML (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
            return Optional.empty();
        }
    }

    /** The bytes as UTF-8 text, or null after saying why they are not. */
    private static String text(byte[] bytes, String name, List<String> problems) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            problems.add(name + ": is UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8");
            return null;
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                problems.add(name + ": is binary, not YAML text (a NUL byte at " + position(bytes, i)
                        + "); a stack file is UTF-8 text");
                return null;
            }
        }
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            // The decoder stops at the first byte that starts no valid sequence: name that byte.
            problems.add(name + ": is not UTF-8 text (byte 0x" + String.format("%02X", bytes[in.position()] & 0xFF) + " at "
                    + position(bytes, in.position()) + " is not UTF-8, e.g. Latin-1); save it as UTF-8");
            return null;
        }
        decoder.flush(out);
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Checks the document's shape with SnakeYAML's node tree, which keeps every key as written. */
    private static void compose(String text, String name, List<String> problems) {
        var options = new LoaderOptions();
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setAllowDuplicateKeys(true);
        options.setMaxAliasesForCollections(10);
        options.setCodePointLimit((int) MAX_BYTES);
        try {
            List<Node> documents = new ArrayList<>();
            new Yaml(options).composeAll(new StringReader(text)).forEach(documents::add);
            if (documents.size() > 1) {
                problems.add(name + ":" + (documents.get(1).getStartMark().getLine() + 1) + ": is a second YAML document"
                        + " (after `---`); Pulumi reads one document per file, so everything after it would be lost: remove it");
            }
            documents.stream().findFirst().ifPresent(root -> duplicates(root, "", name, problems));
        } catch (ReaderException e) {
            problems.add(name + ":" + position(text, e.getPosition()) + ": not valid YAML (character "
                    + String.format("U+%04X", e.getCodePoint()) + " is not allowed: YAML text has no control characters)");
        } catch (MarkedYAMLException e) {
            problems.add(name + ":" + (e.getProblemMark().getLine() + 1) + ":" + (e.getProblemMark().getColumn() + 1)
                    + ": not valid YAML (" + words(e) + ")");
        } catch (YAMLException e) {
            problems.add(name + ": not valid YAML (" + words(e) + ")");
        }
    }

    /** SnakeYAML's own words for what is wrong, with the limits it enforces for us said as limits. */
    private static String words(YAMLException e) {
        String message = e instanceof MarkedYAMLException marked
                ? String.join(", ", nonEmpty(marked.getContext(), marked.getProblem())) : e.getMessage();
        if (message.contains("Nesting Depth exceeded")) {
            return "it nests deeper than " + MAX_DEPTH + " levels; a stack file needs about eight";
        }
        if (message.contains("Number of aliases")) {
            return "it uses more than 10 aliases (*name) of lists or maps, which can expand into billions of values";
        }
        if (message.contains("code points")) {
            return "it is over " + (MAX_BYTES >> 20) + " MiB of text";
        }
        return message.lines().findFirst().orElse(message);
    }

    private static List<String> nonEmpty(String... parts) {
        List<String> result = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                result.add(part.strip());
            }
        }
        return result;
    }

    /**
     * Every key that occurs twice in one map (YAML keeps the last, so the first would be lost without
     * a word), and every tag naming a type of its own, e.g. {@code !java.net.URL}.
     */
    private static void duplicates(Node node, String path, String name, List<String> problems) {
        if (!node.getTag().startsWith(Tag.PREFIX)) {
            problems.add(name + ":" + (node.getStartMark().getLine() + 1) + ": " + (path.isEmpty() ? "" : path + ": ")
                    + "has the YAML tag " + node.getTag().getValue() + ", which neither Pulumi nor the mesh reads: remove it");
        }
        if (node instanceof MappingNode map) {
            Map<String, Integer> firstLine = new HashMap<>();
            for (NodeTuple tuple : map.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
                String childPath = key == null ? path : path.isEmpty() ? key : path + "." + key;
                if (key != null) {
                    int line = tuple.getKeyNode().getStartMark().getLine() + 1;
                    Integer first = firstLine.putIfAbsent(key, line);
                    if (first != null) {
                        problems.add(name + ":" + line + ": " + childPath + ": is given twice (also on line " + first
                                + "); YAML keeps only the last, so one of them would be lost: keep one");
                    }
                }
                duplicates(tuple.getValueNode(), childPath, name, problems);
            }
        } else if (node instanceof SequenceNode list) {
            for (int i = 0; i < list.getValue().size(); i++) {
                duplicates(list.getValue().get(i), path + "[" + i + "]", name, problems);
            }
        }
    }

    /** {@code line:column} of a code-point offset in text. */
    private static String position(String text, int codePoints) {
        int offset = text.offsetByCodePoints(0, Math.min(codePoints, text.codePointCount(0, text.length())));
        int line = 1 + (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
        return line + ":" + (offset - text.lastIndexOf('\n', offset - 1));
    }

    private static String position(byte[] bytes, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return "line " + line + ", column " + column;
    }
}
