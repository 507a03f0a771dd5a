package io.datamesh.deploy;

import io.datamesh.lakeformation.AccountSettings;
import io.datamesh.lakeformation.LfResource;
import io.datamesh.preflight.CallerIdentity;
import io.datamesh.verify.AwsAccountReader;
import io.datamesh.verify.AwsSession;
import io.datamesh.verify.Invitation;
import io.datamesh.verify.LiveGrant;
import software.amazon.awssdk.services.lakeformation.LakeFormationClient;
import software.amazon.awssdk.services.lakeformation.model.DataLakePrincipal;
import software.amazon.awssdk.services.lakeformation.model.DataLakeSettings;
import software.amazon.awssdk.services.sts.StsClient;

import java.util.List;

/** {@link DeployAccount} through the AWS SDK for Java v2; the reads are verify's ({@link AwsAccountReader}). */
public final class AwsDeployAccount implements DeployAccount {
    private final StsClient sts;
    private final LakeFormationClient lakeFormation;
    private final AwsAccountReader reader;

    private AwsDeployAccount(StsClient sts, LakeFormationClient lakeFormation, AwsAccountReader reader) {
        this.sts = sts;
        this.lakeFormation = lakeFormation;
        this.reader = reader;
    }

    /** @param accountId the stack's datamesh:accountId, whose catalog is read and written */
    public static AwsDeployAccount open(AwsSession session, String accountId) {
        return new AwsDeployAccount(session.client(StsClient.builder()), session.client(LakeFormationClient.builder()),
                AwsAccountReader.open(session, accountId));
    }

    @Override
    public CallerIdentity callerIdentity() {
        return CallerIdentity.of(sts);
    }

    @Override
    public AccountSettings settings() {
        return reader.settings();
    }

    @Override
    public void writeSettings(String accountId, AccountSettings settings) {
        lakeFormation.putDataLakeSettings(r -> r.catalogId(accountId).dataLakeSettings(dataLakeSettings(settings)));
    }

    /**
     * The SDK's settings: every field of the record, the default permissions as explicitly empty lists, which
     * the SDK sends as {@code []} (a list left unset is left out of the request, and Lake Formation then keeps
     * the account's defaults: the pulumi-aws #4366 gap this write exists for).
     */
    static DataLakeSettings dataLakeSettings(AccountSettings s) {
        return DataLakeSettings.builder().dataLakeAdmins(principals(s.admins())).readOnlyAdmins(principals(s.readOnlyAdmins()))
                .createDatabaseDefaultPermissions(List.of()).createTableDefaultPermissions(List.of())
                .parameters(s.parameters()).trustedResourceOwners(s.trustedResourceOwners())
                .allowExternalDataFiltering(s.allowExternalDataFiltering())
                .externalDataFilteringAllowList(principals(s.externalDataFilteringAllowList()))
                .authorizedSessionTagValueList(s.authorizedSessionTagValueList())
                .allowFullTableExternalDataAccess(s.allowFullTableExternalDataAccess()).build();
    }

    private static List<DataLakePrincipal> principals(List<String> arns) {
        return arns.stream().map(arn -> DataLakePrincipal.builder().dataLakePrincipalIdentifier(arn).build()).toList();
    }

    @Override
    public List<Invitation> invitations() {
        return reader.invitations();
    }

    @Override
    public List<LiveGrant> grantsOn(LfResource.TagPolicy resource) {
        return reader.grantsOn(resource);
    }

    @Override
    public void close() {
        sts.close();
        lakeFormation.close();
        reader.close();
    }
}
