package io.datamesh.policy.rules.mesh;

import io.datamesh.policy.engine.ConfigSchemas;
import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.engine.StackResources;
import io.datamesh.policy.engine.StackRule;
import io.datamesh.policy.engine.Violation;
import io.datamesh.policy.rules.MeshConfig;
import io.datamesh.policy.rules.PolicyDocument;
import io.datamesh.resource.ResourceTypes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Direct S3/KMS access would let a consumer read around Lake Formation's column and row filters. */
public final class ProducerPoliciesNoConsumerAccess extends StackRule {
    public ProducerPoliciesNoConsumerAccess() {
        super("producer-policies-no-consumer-access", EnforcementLevel.MANDATORY,
                "Producer bucket and key policies allow only the producer and central accounts, never a consumer account.");
    }

    @Override
    public Map<String, Map<String, Object>> configSchema() {
        return Map.of("allowedAccounts", ConfigSchemas.stringList("Further accounts producer policies may name (never a consumer).", List.of()));
    }

    @Override
    public List<Violation> check(StackResources stack, RuleEnv env) {
        MeshConfig mesh = MeshConfig.of(env.context());
        if (!mesh.hasRole("producer")) {
            return List.of();
        }
        Set<String> allowed = new HashSet<>(env.config().strings("allowedAccounts"));
        mesh.accountId().ifPresent(allowed::add);
        mesh.centralAccountId().ifPresent(allowed::add);
        return eachResource(Stream.concat(stack.ofType(ResourceTypes.BUCKET_POLICY).stream(),
                stack.ofType(ResourceTypes.KMS_KEY).stream()).toList(), resource -> {
            List<Violation> violations = new ArrayList<>();
            Optional<PolicyDocument> policy = PolicyDocument.read(resource.inputs(), "policy");
            policy.flatMap(PolicyDocument::problem).ifPresent(p -> violations.add(new Violation(resource.urn(), p)));
            for (var statement : policy.map(PolicyDocument::allowStatements).orElse(List.of())) {
                if (statement.allowsAllButListedPrincipals()) {
                    violations.add(new Violation(resource.urn(), statement.notPrincipalProblem(", consumer accounts included")));
                }
                statement.principals().stream()
                        .filter(p -> !p.isService())
                        .map(p -> problem(p, mesh.consumerAccounts(), allowed))
                        .flatMap(Optional::stream)
                        .forEach(p -> violations.add(new Violation(resource.urn(), p)));
            }
            return violations;
        });
    }

    private static Optional<String> problem(PolicyDocument.Principal principal, Set<String> consumers, Set<String> allowed) {
        Optional<String> account = principal.account();
        if (account.isPresent() && consumers.contains(account.get())) {
            return Optional.of("allows consumer account " + account.get() + "; consumers read through Lake Formation only");
        }
        if (account.isEmpty() || !allowed.contains(account.get())) {
            return Optional.of("allows " + principal.id() + ", outside the producer and central accounts");
        }
        return Optional.empty();
    }
}
