package io.datamesh.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Orders problems as their keys appear in the stack file, so a reader meets them top to bottom. */
final class FileOrder {
    private FileOrder() {
    }

    /**
     * Problems in file order; a missing key sorts with its parent, one outside the document first,
     * and the problems of other files (contracts) after the stack file's own, as they were found.
     */
    static List<ConfigProblem> sort(List<ConfigProblem> problems, JsonNode document) {
        Map<String, Integer> positions = new HashMap<>();
        walk(StackConfigParser.NS, document, positions);
        return problems.stream().sorted(Comparator.comparingInt(p -> p.file().isEmpty() ? position(p.key(), positions)
                : Integer.MAX_VALUE)).toList();
    }

    private static void walk(String key, JsonNode node, Map<String, Integer> positions) {
        positions.putIfAbsent(key, positions.size());
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> walk(key.equals(StackConfigParser.NS) ? key + e.getKey()
                    : key + "." + e.getKey(), e.getValue(), positions));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(key + "[" + i + "]", node.get(i), positions);
            }
        }
    }

    private static int position(String key, Map<String, Integer> positions) {
        for (String k = key; ; ) {
            Integer position = positions.get(k);
            if (position != null) {
                return position;
            }
            int cut = Math.max(k.lastIndexOf('.'), k.lastIndexOf('['));
            if (cut < 0) {
                return k.startsWith(StackConfigParser.NS) ? 0 : -1;
            }
            k = k.substring(0, cut);
        }
    }
}
