package io.datamesh.policy.rules.aws;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.resource.Props;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.resource.ResourceTypes;
import io.datamesh.policy.rules.PolicyDocument;
import java.util.List;
import java.util.stream.Stream;

public final class KmsNoUnconditionedWildcardPrincipal extends ResourceRule {
    public KmsNoUnconditionedWildcardPrincipal() {
        super("kms-no-unconditioned-wildcard-principal", EnforcementLevel.MANDATORY,
                "KMS key policies never allow the * principal without a condition.",
                ResourceTypes.KMS_KEY);
    }

    @Override
    public List<String> check(Props inputs, RuleEnv env) {
        return PolicyDocument.read(inputs, "policy").map(doc -> doc.allowProblems(s -> {
            if (s.allowsAllButListedPrincipals()) {
                // NotPrincipal in an Allow is refused outright: it grants every unlisted principal.
                return Stream.of(s.notPrincipalProblem(", as principal * would: " + s.actions()));
            }
            return s.hasWildcardPrincipal() && s.conditions().isEmpty()
                    ? Stream.of("Allow statement for principal * without conditions: " + s.actions()) : Stream.empty();
        })).orElse(List.of());
    }
}
