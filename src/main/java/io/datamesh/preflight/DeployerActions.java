package io.datamesh.preflight;

import io.datamesh.config.StackRole;
import io.datamesh.names.MeshNames;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The IAM actions a stack's deployer needs that fail late, deep into {@code pulumi up}, when missing:
 * the Lake Formation admin actions (the settings write, the grants), the Glue resource policy Glue
 * writes when Lake Formation shares through RAM, and central's tags, catalog key, quality rulesets,
 * passed roles and RAM shares. The actions a stack's first resources need (S3, IAM roles, Glue databases) fail at once with
 * AWS's own clear error and are not listed. Each names what grants it, so a missing one comes with its fix.
 */
public final class DeployerActions {
    static final String SETTINGS_WRITE = "a policy of your own allowing lakeformation:PutDataLakeSettings (AdministratorAccess"
            + " has it); the AWS managed policy AWSLakeFormationDataAdmin denies it explicitly, and an explicit deny beats"
            + " every allow, so do not attach that policy to the deployer";
    static final String LAKE_FORMATION_ADMIN = "the AWS managed policy AWSLakeFormationDataAdmin (or AdministratorAccess)";
    static final String CROSS_ACCOUNT_MANAGER = "the AWS managed policy AWSLakeFormationCrossAccountManager (or"
            + " AdministratorAccess)";
    static final String CATALOG_KEY = "a statement allowing kms:Encrypt, kms:Decrypt and kms:GenerateDataKey on"
            + " arn:aws:kms:<region>:<account>:key/* (the stack creates the catalog key; no AWS managed policy short of"
            + " AdministratorAccess grants the use of a customer key)";
    static final String GLUE_FULL_ACCESS = "the AWS managed policy AWSGlueConsoleFullAccess (glue:*) or a statement allowing"
            + " the action on arn:aws:glue:<region>:<account>:dataQualityRuleset/<namePrefix>-*";
    static final String PASS_ROLE = "a statement allowing iam:PassRole on the role (IAMFullAccess or AdministratorAccess)";
    /** AWSLakeFormationCrossAccountManager allows managing only shares named so, and Lake Formation names its shares so. */
    static final String LAKE_FORMATION_SHARE = "LakeFormation-V4-datamesh";

    /**
     * One action the simulator is asked about.
     *
     * @param resource the ARN it is asked for: the catalog key does not exist before the first deploy, so
     *                 the keys of the account are asked for as a policy would name them
     * @param context  the condition keys AWS sends with the call, which the usual policies are conditioned on
     *                 (a PassRole's service, a RAM share's name and type); without them such a statement
     *                 would not match and the action would look missing
     */
    public record RequiredAction(String action, String resource, Map<String, String> context, String grantedBy) {
        public RequiredAction {
            context = Map.copyOf(context);
        }

        RequiredAction(String action, String resource, String grantedBy) {
            this(action, resource, Map.of(), grantedBy);
        }
    }

    private DeployerActions() {
    }

    public static List<RequiredAction> of(StackRole role, String accountId, String region, String namePrefix) {
        List<RequiredAction> actions = new ArrayList<>();
        actions.add(new RequiredAction("lakeformation:GetDataLakeSettings", "*", LAKE_FORMATION_ADMIN));
        actions.add(new RequiredAction("lakeformation:PutDataLakeSettings", "*", SETTINGS_WRITE));
        // Domains grant DESCRIBE on their resource links; central makes every data grant.
        actions.add(new RequiredAction("lakeformation:GrantPermissions", "*", LAKE_FORMATION_ADMIN));
        actions.add(new RequiredAction("lakeformation:RevokePermissions", "*", LAKE_FORMATION_ADMIN));
        actions.add(new RequiredAction("glue:PutResourcePolicy", "*", CROSS_ACCOUNT_MANAGER));
        if (role != StackRole.CENTRAL) {
            return List.copyOf(actions);
        }
        actions.add(new RequiredAction("lakeformation:CreateLFTag", "*", LAKE_FORMATION_ADMIN));
        actions.add(new RequiredAction("lakeformation:AddLFTagsToResource", "*", LAKE_FORMATION_ADMIN));
        String keys = "arn:aws:kms:" + region + ":" + accountId + ":key/*";
        for (String action : List.of("kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey")) {
            actions.add(new RequiredAction(action, keys, CATALOG_KEY));
        }
        // New with the contracts' quality rulesets: a deployer policy written for an earlier version
        // of the mesh lacks them, and the rulesets are created after the catalog's Lake Formation writes.
        String rulesets = "arn:aws:glue:" + region + ":" + accountId + ":dataQualityRuleset/" + namePrefix + "-*";
        for (String action : List.of("glue:CreateDataQualityRuleset", "glue:GetDataQualityRuleset",
                "glue:UpdateDataQualityRuleset", "glue:DeleteDataQualityRuleset")) {
            actions.add(new RequiredAction(action, rulesets, GLUE_FULL_ACCESS));
        }
        actions.add(new RequiredAction("iam:PassRole", MeshNames.roleArn(accountId, MeshNames.crawlerRole(namePrefix)),
                Map.of("iam:PassedToService", "glue.amazonaws.com"), PASS_ROLE));
        actions.add(new RequiredAction("iam:PassRole", MeshNames.roleArn(accountId, MeshNames.registrationRole(namePrefix)),
                Map.of("iam:PassedToService", "lakeformation.amazonaws.com"), PASS_ROLE));
        actions.add(new RequiredAction("ram:CreateResourceShare", "*",
                Map.of("ram:RequestedResourceType", "glue:Database", "ram:ResourceShareName", LAKE_FORMATION_SHARE),
                CROSS_ACCOUNT_MANAGER));
        for (String action : List.of("ram:UpdateResourceShare", "ram:AssociateResourceShare", "ram:GetResourceShares")) {
            actions.add(new RequiredAction(action, "*", Map.of("ram:ResourceShareName", LAKE_FORMATION_SHARE),
                    CROSS_ACCOUNT_MANAGER));
        }
        return List.copyOf(actions);
    }
}
