package io.datamesh.policy.rules.mesh;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.resource.Props;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.resource.ResourceTypes;

import java.util.ArrayList;
import java.util.List;

/** A grant option on an IAM principal lets one role hand data on outside the mesh's control. */
public final class LfGrantOptionOnlyToAccounts extends ResourceRule {
    public LfGrantOptionOnlyToAccounts() {
        super("lf-grant-option-only-to-accounts", EnforcementLevel.MANDATORY,
                "Lake Formation grant options go only to account, organization or OU principals, and never with ALL.",
                ResourceTypes.LF_PERMISSIONS);
    }

    @Override
    public List<String> check(Props inputs, RuleEnv env) {
        List<String> grantable = inputs.strings("permissionsWithGrantOptions");
        if (grantable.isEmpty()) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        String principal = inputs.string("principal").orElse("");
        if (!LfPrincipals.isAccountOrOrganization(principal)) {
            problems.add("grant option given to " + principal + "; only accounts, organizations and OUs may re-grant");
        }
        if (grantable.contains("ALL") || grantable.contains("SUPER") || inputs.strings("permissions").contains("ALL")) {
            problems.add("grant option combined with ALL");
        }
        return problems;
    }
}
