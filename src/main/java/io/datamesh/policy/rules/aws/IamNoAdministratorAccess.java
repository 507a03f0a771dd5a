package io.datamesh.policy.rules.aws;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.policy.engine.Props;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.rules.ResourceTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

public final class IamNoAdministratorAccess implements ResourceRule {
    @Override
    public String name() {
        return "iam-no-administrator-access";
    }

    @Override
    public String description() {
        return "IAM roles never get the AdministratorAccess managed policy.";
    }

    @Override
    public EnforcementLevel defaultLevel() {
        return EnforcementLevel.MANDATORY;
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of(ResourceTypes.IAM_ROLE, ResourceTypes.IAM_ROLE_POLICY_ATTACHMENT);
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
