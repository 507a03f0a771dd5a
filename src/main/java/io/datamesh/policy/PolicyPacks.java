package io.datamesh.policy;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.policy.engine.PolicyPack;
import io.datamesh.policy.rules.aws.AthenaBytesScannedCutoff;
import io.datamesh.policy.rules.aws.AthenaEnforceWorkgroupConfiguration;
import io.datamesh.policy.rules.aws.AthenaResultsKmsEncrypted;
import io.datamesh.policy.rules.aws.CloudTrailTrailIntegrity;
import io.datamesh.policy.rules.aws.CloudWatchLogGroupRetentionKms;
import io.datamesh.policy.rules.aws.GlueCatalogEncryption;
import io.datamesh.policy.rules.aws.GlueCrawlerLogGroupDeclared;
import io.datamesh.policy.rules.aws.GlueCrawlerSecurityConfiguration;
import io.datamesh.policy.rules.aws.IamNoAdministratorAccess;
import io.datamesh.policy.rules.aws.IamNoFullAdminStatement;
import io.datamesh.policy.rules.aws.IamNoServiceWildcardOnAllResources;
import io.datamesh.policy.rules.aws.IamRoleTrustNamedPrincipals;
import io.datamesh.policy.rules.aws.IamStatementList;
import io.datamesh.policy.rules.aws.KmsKeyRotation;
import io.datamesh.policy.rules.aws.KmsNoUnconditionedWildcardPrincipal;
import io.datamesh.policy.rules.aws.S3BucketControlsPresent;
import io.datamesh.policy.rules.aws.S3BucketOwnerEnforced;
import io.datamesh.policy.rules.aws.S3DataBucketAuditTrail;
import io.datamesh.policy.rules.aws.S3DataBucketNoncurrentExpiry;
import io.datamesh.policy.rules.aws.S3DataBucketVersioning;
import io.datamesh.policy.rules.aws.S3LifecycleAbortIncompleteUploads;
import io.datamesh.policy.rules.aws.S3NoWildcardPrincipal;
import io.datamesh.policy.rules.aws.S3PublicAccessBlockAll;
import io.datamesh.policy.rules.aws.S3SseKmsCustomerKey;
import io.datamesh.policy.rules.aws.S3TlsOnlyPolicy;
import io.datamesh.policy.rules.mesh.GlueResourcePolicyMeshOnly;
import io.datamesh.policy.rules.mesh.LfCatalogAfterSettings;
import io.datamesh.policy.rules.mesh.LfReplaceDeleteFirst;
import io.datamesh.policy.rules.mesh.LfAdminRoleAssumableOnlyByAdmins;
import io.datamesh.policy.rules.mesh.LfConsumerGrantsUseTagExpressions;
import io.datamesh.policy.rules.mesh.LfCrawlerRoleNotAdmin;
import io.datamesh.policy.rules.mesh.LfGrantOptionOnlyToAccounts;
import io.datamesh.policy.rules.mesh.LfNoAllOrSuperToNonAdmins;
import io.datamesh.policy.rules.mesh.LfNoGrantAdmitsPii;
import io.datamesh.policy.rules.mesh.LfNoIamAllowedPrincipalsDefaults;
import io.datamesh.policy.rules.mesh.LfNoNamedGrantReachesPii;
import io.datamesh.policy.rules.mesh.LfPiiColumnsTagged;
import io.datamesh.policy.rules.mesh.DataProductDeclaresQualityRules;
import io.datamesh.policy.rules.mesh.LfRequiredTags;
import io.datamesh.policy.rules.mesh.LfTableLocationRegistered;
import io.datamesh.policy.rules.mesh.LfTagsOnlyInCentral;
import io.datamesh.policy.rules.mesh.ProducerPoliciesNoConsumerAccess;

import java.util.List;

/**
 * The two packs this project ships. Their names and version live here only: the analyzer, the
 * offline runner and the policies listing read them, and a test checks the packaged
 * PulumiPolicy.yaml files against them.
 */
public final class PolicyPacks {
    public static final String VERSION = "0.1.0";
    public static final String AWS_BASELINE = "aws-baseline";
    public static final String DATAMESH_GOVERNANCE = "datamesh-governance";

    private static final List<PolicyPack> ALL = List.of(
            new PolicyPack(AWS_BASELINE, VERSION, "S3, KMS, IAM, Glue and Athena hygiene for data-mesh accounts.",
                    EnforcementLevel.ADVISORY, List.of(
                    new S3SseKmsCustomerKey(), new S3PublicAccessBlockAll(), new S3BucketOwnerEnforced(),
                    new S3TlsOnlyPolicy(), new S3NoWildcardPrincipal(), new S3DataBucketVersioning(),
                    new S3BucketControlsPresent(), new KmsKeyRotation(), new KmsNoUnconditionedWildcardPrincipal(),
                    new IamNoFullAdminStatement(), new IamNoAdministratorAccess(),
                    new IamNoServiceWildcardOnAllResources(), new GlueCatalogEncryption(),
                    new GlueCrawlerSecurityConfiguration(), new AthenaEnforceWorkgroupConfiguration(),
                    new AthenaResultsKmsEncrypted(), new AthenaBytesScannedCutoff(), new S3DataBucketAuditTrail(),
                    new S3DataBucketNoncurrentExpiry(), new S3LifecycleAbortIncompleteUploads(),
                    new CloudTrailTrailIntegrity(), new IamRoleTrustNamedPrincipals(), new IamStatementList(),
                    new CloudWatchLogGroupRetentionKms(), new GlueCrawlerLogGroupDeclared())),
            new PolicyPack(DATAMESH_GOVERNANCE, VERSION,
                    "Lake Formation and cross-account guardrails for a tag-based data mesh.",
                    EnforcementLevel.ADVISORY, List.of(
                    new LfNoIamAllowedPrincipalsDefaults(), new LfNoAllOrSuperToNonAdmins(),
                    new LfGrantOptionOnlyToAccounts(), new LfConsumerGrantsUseTagExpressions(),
                    new LfTagsOnlyInCentral(), new LfRequiredTags(), new LfPiiColumnsTagged(),
                    new LfNoGrantAdmitsPii(), new LfNoNamedGrantReachesPii(), new LfTableLocationRegistered(),
                    new GlueResourcePolicyMeshOnly(),
                    new ProducerPoliciesNoConsumerAccess(), new LfCrawlerRoleNotAdmin(), new LfCatalogAfterSettings(),
                    new LfReplaceDeleteFirst(), new LfAdminRoleAssumableOnlyByAdmins(),
                    new DataProductDeclaresQualityRules())));

    private PolicyPacks() {
    }

    public static List<PolicyPack> all() {
        return ALL;
    }

    public static PolicyPack named(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no policy pack named '" + name + "'; known: "
                        + ALL.stream().map(PolicyPack::name).toList()));
    }
}
