package io.datamesh.deploy;

import io.datamesh.plan.AccountState;
import io.datamesh.plan.MeshPlan;
import io.datamesh.plan.MeshPlanner;
import io.datamesh.preflight.Preflight;
import io.datamesh.verify.AwsAccountReader;
import io.datamesh.verify.AwsSession;
import io.datamesh.verify.MotoMesh;
import io.datamesh.verify.MotoServer;
import io.datamesh.verify.StackCredentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lakeformation.model.DataLakePrincipal;
import software.amazon.awssdk.services.lakeformation.model.PrincipalPermissions;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static io.datamesh.verify.MotoMesh.CENTRAL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code up --clear-iam-defaults}' settings write through the AWS SDK against moto 5.2.5 in server mode, which
 * implements Lake Formation GetDataLakeSettings and PutDataLakeSettings (a whole-object replace, as AWS documents
 * it) and STS GetCallerIdentity: the account keeps every admin, read-only admin and unmanaged setting, and loses
 * only its IAM-only defaults.
 */
class IamDefaultsClearingMotoTest {
    private static final String HAND_ADMIN = "arn:aws:iam::111111111111:role/HandMadeAdmin";
    private static MotoServer moto;
    private static MotoMesh mesh;
    private static MeshPlan plan;
    @TempDir
    static Path sample;

    @BeforeAll
    static void start() throws Exception {
        moto = MotoServer.startOrSkip();
        MotoMesh.copySample(Path.of("."), sample);
        plan = MeshPlanner.plan(sample, AccountState.TYPICAL);
        mesh = new MotoMesh(moto, plan);
    }

    @AfterAll
    static void stop() {
        if (moto != null) {
            moto.close();
        }
    }

    private static DeployAccount.Factory accounts() {
        return (credentials, region, accountId) -> AwsDeployAccount.open(
                AwsSession.forStack(credentials, region, MotoMesh.BASE, Optional.of(moto.endpoint())), accountId);
    }

    private static DataLakePrincipal principal(String arn) {
        return DataLakePrincipal.builder().dataLakePrincipalIdentifier(arn).build();
    }

    @Test
    void aFreshAccountLosesItsIamOnlyDefaultsAndKeepsEverythingElse() throws Exception {
        moto.reset();
        var iamOnly = PrincipalPermissions.builder().principal(principal("IAM_ALLOWED_PRINCIPALS")).permissionsWithStrings("ALL").build();
        try (var lf = mesh.lakeFormation(CENTRAL)) {
            lf.putDataLakeSettings(s -> s.catalogId(CENTRAL).dataLakeSettings(d -> d.dataLakeAdmins(principal(HAND_ADMIN))
                    .readOnlyAdmins(principal("arn:aws:iam::111111111111:role/Auditor"))
                    .createDatabaseDefaultPermissions(iamOnly).createTableDefaultPermissions(iamOnly)
                    .parameters(new TreeMap<>(Map.of("CROSS_ACCOUNT_VERSION", "1", "SET_CONTEXT", "TRUE")))
                    .trustedResourceOwners("444444444444").allowExternalDataFiltering(true)
                    .externalDataFilteringAllowList(principal("arn:aws:iam::111111111111:role/Emr"))
                    .authorizedSessionTagValueList("EMR")));
        }
        var credentials = StackCredentials.readAll(sample, Set.of("central"), name -> null);
        var out = new StringWriter();
        var err = new StringWriter();

        boolean ready = IamDefaultsClearing.clear(List.of(new Preflight.Target("central", plan.settings().get("central"),
                credentials.get("central"))), accounts(), new PrintWriter(out), new PrintWriter(err));

        assertThat(ready).as(out + "\n" + err).isTrue();
        try (var lf = mesh.lakeFormation(CENTRAL)) {
            var after = AwsAccountReader.accountSettings(lf.getDataLakeSettings(r -> r.catalogId(CENTRAL)).dataLakeSettings());
            assertThat(after.defaultPermissionPrincipals()).isEmpty();
            assertThat(after.admins()).contains(HAND_ADMIN, "arn:aws:iam::111111111111:role/datamesh-deployer");
            assertThat(after.readOnlyAdmins()).containsExactly("arn:aws:iam::111111111111:role/Auditor");
            assertThat(after.parameters()).containsEntry("SET_CONTEXT", "TRUE").containsEntry("CROSS_ACCOUNT_VERSION", "4");
            assertThat(after.trustedResourceOwners()).containsExactly("444444444444");
            assertThat(after.allowExternalDataFiltering()).isTrue();
            assertThat(after.externalDataFilteringAllowList()).containsExactly("arn:aws:iam::111111111111:role/Emr");
            assertThat(after.authorizedSessionTagValueList()).containsExactly("EMR");
        }
        assertThat(out.toString()).contains("clear-iam-defaults: central (111111111111): before: admins [" + HAND_ADMIN + "]")
                .contains("default permissions [IAM_ALLOWED_PRINCIPALS], cross-account version 1")
                .contains("clear-iam-defaults: central (111111111111): after:  admins [");

        // A second run finds nothing to clear and writes nothing.
        var again = new StringWriter();
        assertThat(IamDefaultsClearing.clear(List.of(new Preflight.Target("central", plan.settings().get("central"),
                credentials.get("central"))), accounts(), new PrintWriter(again), new PrintWriter(new StringWriter()))).isTrue();
        assertThat(again.toString()).contains("no IAM-only default permissions, nothing to clear");
    }
}
