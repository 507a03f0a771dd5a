package io.datamesh.lakeformation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An LF-tag expression: a resource matches when, for every key, its effective value is one of the
 * allowed values (AND across keys, OR within a key). A resource without a value for a key never
 * matches that key. Keys and values are lower-cased as Lake Formation stores them (see
 * {@link TaggedCatalog}).
 */
public record TagExpression(Map<String, Set<String>> clauses) {
    public TagExpression {
        var copy = new LinkedHashMap<String, Set<String>>();
        clauses.forEach((k, v) -> copy.put(TaggedCatalog.lower(k), Collections.unmodifiableSet(
                v.stream().map(TaggedCatalog::lower).collect(Collectors.<String, Set<String>>toCollection(LinkedHashSet::new)))));
        clauses = Collections.unmodifiableMap(copy);
    }

    public static TagExpression of(Map<String, ? extends java.util.Collection<String>> clauses) {
        var copy = new LinkedHashMap<String, Set<String>>();
        clauses.forEach((k, v) -> copy.put(k, new LinkedHashSet<>(v)));
        return new TagExpression(copy);
    }

    /** Like {@code firstMismatch(tags).isEmpty()}, without building the explanation: central asks this per grant × column. */
    public boolean matches(Map<String, String> effectiveTags) {
        for (var clause : clauses.entrySet()) {
            if (!clause.getValue().contains(effectiveTags.get(clause.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** The first key (in expression order) whose clause the tags do not satisfy. */
    public Optional<Mismatch> firstMismatch(Map<String, String> effectiveTags) {
        for (var clause : clauses.entrySet()) {
            String actual = effectiveTags.get(clause.getKey());
            if (actual == null || !clause.getValue().contains(actual)) {
                return Optional.of(new Mismatch(clause.getKey(), List.copyOf(clause.getValue()),
                        Optional.ofNullable(actual)));
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        var parts = new java.util.ArrayList<String>();
        clauses.forEach((k, v) -> parts.add(k + " in " + v));
        return String.join(" AND ", parts);
    }

    /** Why an expression does not match: the key, what it allows, and what the resource has. */
    public record Mismatch(String key, List<String> allowed, Optional<String> actual) {
        @Override
        public String toString() {
            return "expression needs " + key + " in " + allowed + " but the resource has "
                    + actual.map(a -> key + "=" + a).orElse("no value for '" + key + "'");
        }
    }
}
