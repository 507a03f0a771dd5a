package io.datamesh.policy.rules.aws;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.resource.Props;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.resource.ResourceTypes;
import java.util.ArrayList;
import java.util.List;

public final class IamNoAdministratorAccess extends ResourceRule {
    public IamNoAdministratorAccess() {
        super("iam-no-administrator-access", EnforcementLevel.MANDATORY,
                "IAM roles never get the AdministratorAccess managed policy.",
                ResourceTypes.IAM_ROLE, ResourceTypes.IAM_ROLE_POLICY_ATTACHMENT);
    }

    @Override
    public List<String> check(Props inputs, RuleEnv env) {
        List<String> arns = new ArrayList<>(inputs.strings("managedPolicyArns"));
        inputs.string("policyArn").ifPresent(arns::add);
        return arns.stream()
                .filter(arn -> arn.endsWith(":policy/AdministratorAccess"))
                .map(arn -> "attaches " + arn)
                .toList();
    }
}
