package io.datamesh.central;

import io.datamesh.config.ContractCheck;
import io.datamesh.lakeformation.TagExpression;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Narrows a domain's LF-tag grant to what one of its query roles may receive. */
public final class RoleScope {
    private RoleScope() {
    }

    /**
     * The expression limited to the given producer domains (the {@code domain} tag); empty when the
     * two do not overlap. No domains means no limit.
     */
    public static Optional<TagExpression> narrow(TagExpression expression, List<String> domains) {
        if (domains.isEmpty()) {
            return Optional.of(expression);
        }
        var narrowed = new LinkedHashMap<String, Set<String>>(expression.clauses());
        Set<String> domainClause = expression.clauses().get(ContractCheck.DOMAIN_TAG);
        List<String> allowed = domainClause != null ? domainClause.stream().filter(domains::contains).toList() : domains;
        if (allowed.isEmpty()) {
            return Optional.empty();
        }
        narrowed.put(ContractCheck.DOMAIN_TAG, new LinkedHashSet<>(allowed));
        return Optional.of(new TagExpression(narrowed));
    }
}
