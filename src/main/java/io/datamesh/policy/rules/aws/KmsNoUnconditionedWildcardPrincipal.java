package io.datamesh.policy.rules.aws;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.policy.engine.Props;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.rules.ResourceTypes;
import io.datamesh.policy.rules.PolicyDocument;
import java.util.ArrayList;
import java.util.List;

public final class KmsNoUnconditionedWildcardPrincipal extends ResourceRule {
    public KmsNoUnconditionedWildcardPrincipal() {
        super("kms-no-unconditioned-wildcard-principal", EnforcementLevel.MANDATORY,
                "KMS key policies never allow the * principal without a condition.",
                ResourceTypes.KMS_KEY);
    }

    @Override
    public List<String> check(Props inputs, RuleEnv env) {
        List<String> problems = new ArrayList<>();
        PolicyDocument.read(inputs, "policy").ifPresent(doc -> {
            doc.problem().ifPresent(problems::add);
            for (var s : doc.allowStatements()) {
                if (s.allowsAllButListedPrincipals()) {
                    // NotPrincipal in an Allow is refused outright: it grants every unlisted principal.
                    problems.add(s.notPrincipalProblem(", as principal * would: " + s.actions()));
                } else if (s.hasWildcardPrincipal() && s.conditions().isEmpty()) {
                    problems.add("Allow statement for principal * without conditions: " + s.actions());
                }
            }
        });
        return problems;
    }
}
