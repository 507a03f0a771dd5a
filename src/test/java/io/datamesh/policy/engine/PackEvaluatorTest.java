package io.datamesh.policy.engine;

import io.datamesh.policy.PolicyPacks;
import io.datamesh.policy.rules.aws.AthenaBytesScannedCutoff;
import io.datamesh.policy.rules.aws.KmsKeyRotation;
import io.datamesh.policy.rules.aws.S3SseKmsCustomerKey;
import io.datamesh.policy.rules.mesh.LfNoAllOrSuperToNonAdmins;
import io.datamesh.resource.Sentinels;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.datamesh.policy.Fixtures.CENTRAL_STACK;
import static io.datamesh.policy.Fixtures.res;
import static io.datamesh.resource.ResourceTypes.ATHENA_WORKGROUP;
import static io.datamesh.resource.ResourceTypes.BUCKET_ENCRYPTION;
import static io.datamesh.resource.ResourceTypes.KMS_KEY;
import static io.datamesh.resource.ResourceTypes.LF_PERMISSIONS;
import static io.datamesh.resource.ResourceTypes.LF_SETTINGS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PackEvaluatorTest {
    private static final PolicyPack PACK = new PolicyPack("test", "0.0.1", "", EnforcementLevel.ADVISORY,
            List.of(new KmsKeyRotation(), new S3SseKmsCustomerKey(), new AthenaBytesScannedCutoff()));

    private static List<PolicyFinding> analyze(Map<String, PolicyConfig> config, String type, Map<String, Object> inputs) {
        return new PackEvaluator(PACK, config).analyzeResource(res(type, "r", inputs), CENTRAL_STACK);
    }

    @Test
    void unknownValueBecomesAdvisoryPreviewFinding() {
        List<PolicyFinding> findings = analyze(Map.of(), KMS_KEY, Map.of("enableKeyRotation", Sentinels.UNKNOWN_BOOL));
        assertEquals(List.of(new PolicyFinding("test", "kms-key-rotation", EnforcementLevel.ADVISORY,
                "urn:pulumi:test::datamesh::aws:kms/key:Key::r",
                "can't run policy 'kms-key-rotation' from policy pack 'test@v0.0.1' during preview: "
                        + "boolean value at .enableKeyRotation can't be known during preview")), findings);
    }

    @Test
    void unknownInsideAListNamesItsIndex() {
        var findings = analyze(Map.of(), BUCKET_ENCRYPTION, Map.of("rules",
                List.of(Map.of("applyServerSideEncryptionByDefault", Sentinels.UNKNOWN_OBJECT))));
        assertTrue(findings.get(0).message().endsWith(
                "Object value at .rules.0.applyServerSideEncryptionByDefault can't be known during preview"), findings.toString());
    }

    @Test
    void anUnknownInOneResourceOfAStackRuleSkipsOnlyThatResource() {
        PolicyPack pack = new PolicyPack("test", "0.0.1", "", EnforcementLevel.ADVISORY, List.of(new LfNoAllOrSuperToNonAdmins()));
        String admin = "arn:aws:iam::111111111111:role/lf-admin";
        var findings = new PackEvaluator(pack).analyzeStack(List.of(
                res(LF_SETTINGS, "settings", Map.of("admins", List.of(admin))),
                res(LF_PERMISSIONS, "regrant", Map.of("principal", Sentinels.UNKNOWN_STRING, "permissions", List.of("ALL"))),
                res(LF_PERMISSIONS, "analyst", Map.of("principal", "arn:aws:iam::111111111111:role/analyst",
                        "permissions", List.of("SUPER")))), CENTRAL_STACK);
        assertEquals(2, findings.size(), findings.toString());
        assertEquals(new PolicyFinding("test", "lf-no-all-or-super-to-non-admins", EnforcementLevel.ADVISORY,
                "urn:pulumi:test::datamesh::aws:lakeformation/permissions:Permissions::regrant",
                "can't run policy 'lf-no-all-or-super-to-non-admins' from policy pack 'test@v0.0.1' during preview: "
                        + "string value at .principal can't be known during preview"), findings.get(0));
        assertEquals(EnforcementLevel.MANDATORY, findings.get(1).level());
        assertEquals("urn:pulumi:test::datamesh::aws:lakeformation/permissions:Permissions::analyst", findings.get(1).urn());
    }

    @Test
    void anUnknownInWhatAStackRuleReadsFromEveryResourceStillStopsTheRule() {
        PolicyPack pack = new PolicyPack("test", "0.0.1", "", EnforcementLevel.ADVISORY, List.of(new LfNoAllOrSuperToNonAdmins()));
        var findings = new PackEvaluator(pack).analyzeStack(List.of(
                res(LF_SETTINGS, "settings", Map.of("admins", List.of(Sentinels.UNKNOWN_STRING))),
                res(LF_PERMISSIONS, "analyst", Map.of("principal", "arn:aws:iam::111111111111:role/analyst",
                        "permissions", List.of("ALL")))), CENTRAL_STACK);
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(EnforcementLevel.ADVISORY, findings.get(0).level());
        assertTrue(findings.get(0).message().endsWith("string value at .admins.0 can't be known during preview"), findings.toString());
    }

    @Test
    void secretsAreReadAsTheirPlainValue() {
        var secretTrue = Map.of(Sentinels.SIGNATURE_KEY, Sentinels.SECRET_SIG, "value", true);
        assertEquals(List.of(), analyze(Map.of(), KMS_KEY, Map.of("enableKeyRotation", secretTrue)));
    }

    @Test
    void configuredLevelsOverrideDefaults() {
        Map<String, Object> off = Map.of("enableKeyRotation", false);
        assertEquals(EnforcementLevel.MANDATORY, analyze(Map.of(), KMS_KEY, off).get(0).level());
        assertEquals(List.of(), analyze(Map.of("kms-key-rotation", PolicyConfig.level(EnforcementLevel.DISABLED)), KMS_KEY, off));
        assertEquals(EnforcementLevel.ADVISORY,
                analyze(Map.of("all", PolicyConfig.level(EnforcementLevel.ADVISORY)), KMS_KEY, off).get(0).level());
        assertEquals(EnforcementLevel.MANDATORY,
                analyze(Map.of("kms-key-rotation", PolicyConfig.level(EnforcementLevel.REMEDIATE)), KMS_KEY, off).get(0).level());
    }

    @Test
    void policyConfigIsAppliedAndValidated() {
        Map<String, Object> tenGib = Map.of("configuration", Map.of("bytesScannedCutoffPerQuery", 10_737_418_240L));
        assertEquals(List.of(), analyze(Map.of(), ATHENA_WORKGROUP, tenGib));
        var strict = new PolicyConfig(Optional.empty(), Map.of("maximumBytes", 1_073_741_824));
        assertTrue(analyze(Map.of("athena-bytes-scanned-cutoff", strict), ATHENA_WORKGROUP, tenGib).get(0).message()
                .contains("exceeds 1073741824"));
        var invalid = new PolicyConfig(Optional.empty(), Map.of("maximumBytes", "lots"));
        var e = assertThrows(IllegalArgumentException.class, () -> new PackEvaluator(PACK, Map.of("athena-bytes-scanned-cutoff", invalid)));
        assertTrue(e.getMessage().contains("athena-bytes-scanned-cutoff"), e.getMessage());
    }

    @Test
    void everyShippedDefaultSatisfiesItsOwnSchema() {
        PolicyPacks.all().stream().flatMap(p -> p.rules().stream()).forEach(rule ->
                assertEquals(List.of(), ConfigSchemas.validate(rule, ConfigSchemas.withDefaults(rule, Map.of())), rule.name()));
    }

    @Test
    void packRejectsReservedPolicyNames() {
        Rule all = new StackRule("all", EnforcementLevel.ADVISORY, "") {
            @Override
            public List<Violation> check(StackResources stack, RuleEnv env) {
                return List.of();
            }
        };
        assertThrows(IllegalArgumentException.class, () -> new PolicyPack("p", "1", "", EnforcementLevel.ADVISORY, List.of(all)));
    }
}
