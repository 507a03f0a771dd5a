package io.datamesh.resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only access to resource inputs (or rule config) by nested property path. Secrets read as
 * their plain value; reading an unknown throws {@link UnknownValueException} naming the path, so a
 * rule never mistakes "not known yet" for "absent". A value of the wrong type reads as absent.
 */
public final class Props {
    private final Map<?, ?> values;
    private final String path;

    private Props(Map<?, ?> values, String path) {
        this.values = values;
        this.path = path;
    }

    public static Props of(Map<String, ?> values) {
        return new Props(values, "");
    }

    public Optional<String> string(String... keys) {
        return read(keys).filter(String.class::isInstance).map(String.class::cast);
    }

    public Optional<Boolean> bool(String... keys) {
        return read(keys).filter(Boolean.class::isInstance).map(Boolean.class::cast);
    }

    public Optional<Number> number(String... keys) {
        return read(keys).filter(Number.class::isInstance).map(Number.class::cast);
    }

    public Optional<Props> object(String... keys) {
        return read(keys).filter(Map.class::isInstance).map(m -> new Props((Map<?, ?>) m, pathOf(keys)));
    }

    /** The string elements of a list; non-string elements are skipped. */
    public List<String> strings(String... keys) {
        return elements(keys).stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }

    /** The object elements of a list, each readable with its own path ({@code rules.0.…}). */
    public List<Props> objects(String... keys) {
        List<Object> elements = elements(keys);
        List<Props> objects = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i) instanceof Map<?, ?> m) {
                objects.add(new Props(m, pathOf(keys) + "." + i));
            }
        }
        return objects;
    }

    /** The keys of an object property, each value read as a string list (LF-tag ontologies, tags maps). */
    public Map<String, List<String>> stringLists(String... keys) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        object(keys).ifPresent(o -> o.values.keySet().forEach(k -> {
            String key = String.valueOf(k);
            result.put(key, o.string(key).map(List::of).orElseGet(() -> o.strings(key)));
        }));
        return result;
    }

    private List<Object> elements(String... keys) {
        Optional<Object> list = read(keys);
        if (list.isEmpty() || !(list.get() instanceof List<?> l)) {
            return List.of();
        }
        List<Object> elements = new ArrayList<>(l.size());
        for (int i = 0; i < l.size(); i++) {
            elements.add(checked(l.get(i), pathOf(keys) + "." + i));
        }
        return elements;
    }

    private Optional<Object> read(String... keys) {
        Object current = values;
        String at = path;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> m)) {
                return Optional.empty();
            }
            at = at.isEmpty() ? key : at + "." + key;
            current = checked(m.get(key), at);
        }
        return Optional.ofNullable(current);
    }

    private static Object checked(Object value, String at) {
        Object plain = Sentinels.unwrapSecret(value);
        Sentinels.unknownTypeName(plain).ifPresent(type -> {
            throw new UnknownValueException(type, at);
        });
        return plain;
    }

    private String pathOf(String... keys) {
        String joined = String.join(".", keys);
        return path.isEmpty() ? joined : joined.isEmpty() ? path : path + "." + joined;
    }
}
