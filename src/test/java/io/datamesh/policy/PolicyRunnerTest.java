package io.datamesh.policy;

import io.datamesh.resource.PlannedResource;
import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.policy.engine.PolicyConfig;
import io.datamesh.policy.engine.PolicyFinding;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.datamesh.policy.Fixtures.CENTRAL_STACK;
import static io.datamesh.policy.Fixtures.res;
import static io.datamesh.resource.ResourceTypes.BUCKET;
import static io.datamesh.resource.ResourceTypes.KMS_KEY;
import static io.datamesh.resource.ResourceTypes.LF_SETTINGS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PolicyRunnerTest {
    private static final List<PlannedResource> BROKEN = List.of(
            res(LF_SETTINGS, "settings", "{'admins':[],'createTableDefaultPermissions':"
                    + "[{'principal':'IAM_ALLOWED_PRINCIPALS','permissions':['ALL']}]}"),
            res(KMS_KEY, "key", "{'enableKeyRotation':false}"),
            res(BUCKET, "data", "{'bucket':'b','tags':{'datamesh:purpose':'data'}}"));

    @Test
    void runsBothPacksResourceRulesThenStackRulesInFixedOrder() {
        List<String> found = PolicyRunner.evaluate(BROKEN, CENTRAL_STACK).stream()
                .map(f -> f.pack() + "/" + f.policy() + "/" + f.level()).toList();
        assertEquals(List.of(
                "aws-baseline/kms-key-rotation/MANDATORY",
                "aws-baseline/s3-data-bucket-versioning/ADVISORY",
                "aws-baseline/s3-bucket-controls-present/MANDATORY",
                "aws-baseline/s3-data-bucket-audit-trail/MANDATORY",
                "aws-baseline/s3-data-bucket-noncurrent-expiry/MANDATORY",
                "datamesh-governance/lf-no-iam-allowed-principals-defaults/MANDATORY"), found);
    }

    @Test
    void perPolicyConfigChangesLevels() {
        List<PolicyFinding> findings = PolicyRunner.evaluate(BROKEN, CENTRAL_STACK, Map.of(
                "all", PolicyConfig.level(EnforcementLevel.ADVISORY),
                "kms-key-rotation", PolicyConfig.level(EnforcementLevel.DISABLED)));
        // Versioning, controls, audit trail, noncurrent expiry and the default permissions; rotation disabled.
        assertEquals(5, findings.size());
        assertEquals(List.of(EnforcementLevel.ADVISORY), findings.stream().map(PolicyFinding::level).distinct().toList());
    }

    @Test
    void unknownPolicyNameIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> PolicyRunner.evaluate(BROKEN, CENTRAL_STACK,
                Map.of("no-such-policy", PolicyConfig.level(EnforcementLevel.MANDATORY))));
    }
}
