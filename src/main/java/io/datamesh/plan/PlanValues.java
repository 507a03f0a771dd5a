package io.datamesh.plan;

import com.pulumi.asset.Asset;
import com.pulumi.asset.FileAsset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns what the mock engine hands back into plain JSON-like values with a stable key order. */
final class PlanValues {
    private PlanValues() {
    }

    static Map<String, Object> normalize(Map<String, Object> inputs) {
        var result = new TreeMap<String, Object>();
        inputs.forEach((k, v) -> result.put(k, normalizeValue(v)));
        return result;
    }

    static Object normalizeValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            var result = new LinkedHashMap<String, Object>();
            new TreeMap<>(map).forEach((k, v) -> result.put(String.valueOf(k), normalizeValue(v)));
            return result;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PlanValues::normalizeValue).toList();
        }
        if (value instanceof java.util.Optional<?> optional) {
            return optional.map(PlanValues::normalizeValue).orElse(null);
        }
        if (value instanceof FileAsset || value instanceof Asset) {
            return Map.of("asset", value.toString());
        }
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        return value.toString();
    }
}
