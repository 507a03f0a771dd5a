package io.datamesh.central;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Narrows a domain's LF-tag grant to what one of its query roles may receive. */
public final class RoleScope {
    private RoleScope() {
    }

    /**
     * The expression limited to the given producer domains (the {@code domain} tag); empty when the
     * two do not overlap. No domains means no limit.
     */
    public static Optional<Map<String, List<String>>> narrow(Map<String, List<String>> expression, List<String> domains) {
        if (domains.isEmpty()) {
            return Optional.of(expression);
        }
        var narrowed = new LinkedHashMap<>(expression);
        List<String> allowed = expression.containsKey("domain")
                ? expression.get("domain").stream().filter(domains::contains).toList()
                : domains;
        if (allowed.isEmpty()) {
            return Optional.empty();
        }
        narrowed.put("domain", allowed);
        return Optional.of(narrowed);
    }
}
