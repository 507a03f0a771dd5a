package io.datamesh.account;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.iam.IamFunctions;
import com.pulumi.aws.iam.inputs.GetSessionContextPlainArgs;
import com.pulumi.aws.lakeformation.DataLakeSettings;
import com.pulumi.aws.lakeformation.DataLakeSettingsArgs;
import com.pulumi.aws.lakeformation.LakeformationFunctions;
import com.pulumi.aws.lakeformation.outputs.GetDataLakeSettingsResult;
import com.pulumi.exceptions.RunException;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.datamesh.config.CentralSettings;
import io.datamesh.config.StackIdentity;
import io.datamesh.config.StackSettings;
import io.datamesh.lakeformation.AccountSettings;
import io.datamesh.lakeformation.SettingsMerge;
import io.datamesh.names.MeshNames;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes the account's data lake settings what the mesh needs without losing what is there.
 *
 * <p>The settings are one object that every write replaces whole, so this reads the current
 * settings first (the getDataLakeSettings invoke, on every preview and update) and writes the
 * merge: admins only added, unmanaged fields carried over, default permissions empty, and
 * {@code CROSS_ACCOUNT_VERSION} pinned in {@code parameters} so that no write resets it. When the
 * account is not ready (wrong credentials, a higher version than pinned, too many admins) the
 * program stops before registering anything, with the fix in the message. The resource is retained
 * on destroy: deleting it would reset the version to 1 and drop every admin.
 */
public final class LakeFormationAdmins {
    private LakeFormationAdmins() {
    }

    public static String deployerArn() {
        String callerArn = AwsFunctions.getCallerIdentityPlain().join().arn();
        if (!callerArn.contains(":assumed-role/")) {
            return callerArn;
        }
        return IamFunctions.getSessionContextPlain(GetSessionContextPlainArgs.builder().arn(callerArn).build())
                .join().issuerArn();
    }

    /**
     * The principals the stack makes Lake Formation admins from its config: {@code
     * datamesh:lakeFormationAdmins}, or the deploying principal when that is empty. Convenient for a
     * first deployment from a laptop, but whoever previews then becomes part of the plan: pinning
     * the deploy role keeps previews by other principals (CI) identical.
     */
    public static List<String> configuredOrDeployer(StackIdentity identity) {
        return identity.lakeFormationAdmins().isEmpty() ? List.of(deployerArn()) : identity.lakeFormationAdmins();
    }

    /** The admins the stack creates itself (central's lake admin role): they cannot be named before they exist. */
    public static List<String> createdByStack(StackSettings settings) {
        return settings instanceof CentralSettings
                ? List.of(MeshNames.roleArn(settings.identity().accountId(), MeshNames.lakeAdminRole(settings.identity().namePrefix())))
                : List.of();
    }

    /**
     * Checks the credentials and reads and merges the account's settings — before the program
     * registers any resource, so an account that is not ready gets nothing created in it.
     *
     * @param admins principals the stack itself needs as admins, besides {@code datamesh:lakeFormationAdmins}
     *               (which should name the deploy role: only an admin can make the stack's grants)
     * @return the settings to write
     */
    public static AccountSettings prepare(StackIdentity identity, List<String> admins, Diagnostics diagnostics) {
        String callerAccount = AwsFunctions.getCallerIdentityPlain().join().accountId();
        if (!callerAccount.equals(identity.accountId())) {
            throw new RunException("the AWS credentials are for account " + callerAccount + " but datamesh:accountId is "
                    + identity.accountId() + ". Fix: select the profile or role of account " + identity.accountId()
                    + " (AWS_PROFILE / aws:profile) or correct datamesh:accountId.");
        }
        var required = new ArrayList<>(admins);
        required.addAll(configuredOrDeployer(identity));
        String deployer = deployerArn();
        if (identity.lakeFormationAdmins().isEmpty()) {
            diagnostics.warn("account " + identity.accountId() + ": datamesh:lakeFormationAdmins is empty, so the"
                    + " deploying principal " + deployer + " is made a Lake Formation admin; list your deploy"
                    + " role there to make this explicit.");
        }
        var outcome = SettingsMerge.merge(identity.accountId(), read(), required.stream().distinct().toList(), admins,
                identity.crossAccountVersion());
        if (!outcome.blockers().isEmpty()) {
            throw new RunException("Lake Formation settings of account " + identity.accountId() + " are not ready:\n  - "
                    + String.join("\n  - ", outcome.blockers()));
        }
        outcome.notices().forEach(diagnostics::warn);
        if (!outcome.target().admins().contains(deployer)) {
            diagnostics.warn("account " + identity.accountId() + ": the deploying principal " + deployer + " is not a"
                    + " Lake Formation admin: `pulumi up` can write the settings but not make this stack's grants."
                    + " Deploy with a principal listed in datamesh:lakeFormationAdmins.");
        }
        return outcome.target();
    }

    /** The settings resource, after whatever must exist before an admin can be named. */
    public static DataLakeSettings write(String name, AccountSettings target, Resource parent, List<Resource> after) {
        return new DataLakeSettings(name, DataLakeSettingsArgs.builder()
                .admins(target.admins())
                .readOnlyAdmins(target.readOnlyAdmins())
                .createDatabaseDefaultPermissions(List.of())
                .createTableDefaultPermissions(List.of())
                .parameters(target.parameters())
                .trustedResourceOwners(target.trustedResourceOwners())
                .allowExternalDataFiltering(target.allowExternalDataFiltering())
                .externalDataFilteringAllowLists(target.externalDataFilteringAllowList())
                .authorizedSessionTagValueLists(target.authorizedSessionTagValueList())
                .allowFullTableExternalDataAccess(target.allowFullTableExternalDataAccess())
                .build(), CustomResourceOptions.builder().parent(parent).dependsOn(after).retainOnDelete(true).build());
    }

    private static AccountSettings read() {
        GetDataLakeSettingsResult current;
        try {
            current = LakeformationFunctions.getDataLakeSettingsPlain().join();
        } catch (RuntimeException e) {
            throw new RunException("cannot read the Lake Formation settings (" + rootMessage(e) + "). Fix: deploy with a"
                    + " principal allowed lakeformation:GetDataLakeSettings and lakeformation:PutDataLakeSettings"
                    + " (not the AWS managed policy AWSLakeFormationDataAdmin alone: it denies PutDataLakeSettings).", e);
        }
        List<String> defaults = new ArrayList<>();
        current.createDatabaseDefaultPermissions().forEach(p -> defaults.add(p.principal()));
        current.createTableDefaultPermissions().forEach(p -> defaults.add(p.principal()));
        return new AccountSettings(current.admins(), current.readOnlyAdmins(), defaults, current.parameters(),
                current.trustedResourceOwners(), Boolean.TRUE.equals(current.allowExternalDataFiltering()),
                current.externalDataFilteringAllowLists(), current.authorizedSessionTagValueLists(),
                Boolean.TRUE.equals(current.allowFullTableExternalDataAccess()));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
