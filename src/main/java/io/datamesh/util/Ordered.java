package io.datamesh.util;

import io.datamesh.util.Ordered;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Immutable copies that keep insertion order. {@code Map.copyOf} iterates in an order that changes
 * from one JVM run to the next, which would reorder resources and tag expressions between previews.
 */
public final class Ordered {
    private Ordered() {
    }

    public static <K, V> Map<K, V> copy(Map<K, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
