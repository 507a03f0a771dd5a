package io.datamesh.policy.rules.aws;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.policy.engine.Props;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.rules.ResourceTypes;
import io.datamesh.policy.rules.PolicyDocument;
import java.util.ArrayList;
import java.util.List;

public final class S3NoWildcardPrincipal extends ResourceRule {
    public S3NoWildcardPrincipal() {
        super("s3-no-wildcard-principal", EnforcementLevel.MANDATORY,
                "S3 bucket policies never allow the * principal.",
                ResourceTypes.BUCKET_POLICY);
    }

    @Override
    public List<String> check(Props inputs, RuleEnv env) {
        List<String> problems = new ArrayList<>();
        PolicyDocument.read(inputs, "policy").ifPresent(doc -> {
            doc.problem().ifPresent(problems::add);
            for (var s : doc.allowStatements()) {
                if (s.hasWildcardPrincipal()) {
                    problems.add("Allow statement for principal * on " + s.resources());
                } else if (s.allowsAllButListedPrincipals()) {
                    problems.add(s.notPrincipalProblem(", as principal * would; name the principals instead"));
                }
            }
        });
        return problems;
    }
}
