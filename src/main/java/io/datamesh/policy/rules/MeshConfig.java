package io.datamesh.policy.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamesh.policy.engine.PolicyContext;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** The mesh's own stack config ({@code datamesh:*} keys) as the stack rules need it. */
public record MeshConfig(Optional<String> role, Optional<String> accountId, Optional<String> centralAccountId,
                         Set<String> producerAccounts, Set<String> consumerAccounts) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static MeshConfig of(PolicyContext context) {
        return new MeshConfig(context.configValue("datamesh:role"), context.configValue("datamesh:accountId"),
                context.configValue("datamesh:centralAccountId"),
                accounts(context, "datamesh:producers"), accounts(context, "datamesh:consumers"));
    }

    public boolean hasRole(String expected) {
        return role.filter(expected::equalsIgnoreCase).isPresent();
    }

    /** This account, the central account, producers and consumers: every account the mesh knows. */
    public Set<String> meshAccounts() {
        Set<String> all = new LinkedHashSet<>();
        accountId.ifPresent(all::add);
        centralAccountId.ifPresent(all::add);
        all.addAll(producerAccounts);
        all.addAll(consumerAccounts);
        return all;
    }

    private static Set<String> accounts(PolicyContext context, String key) {
        Set<String> accounts = new LinkedHashSet<>();
        context.configValue(key).ifPresent(json -> {
            try {
                for (JsonNode entry : JSON.readTree(json)) {
                    String id = entry.path("accountId").asText("");
                    if (!id.isEmpty()) {
                        accounts.add(id);
                    }
                }
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(key + " is not a JSON list of {domain, accountId}: " + e.getOriginalMessage(), e);
            }
        });
        return accounts;
    }
}
