package io.datamesh.central;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import io.datamesh.account.ChildOf;
import io.datamesh.account.LakeFormationAdmins;
import io.datamesh.names.MeshNames;
import io.datamesh.config.StackIdentity;
import io.datamesh.iam.PolicyDocuments;
import io.datamesh.stackref.ProducerExport;

import java.util.List;
import java.util.Map;

/**
 * The central account's three roles: the lake admin the platform team assumes, the crawler role,
 * and the role Lake Formation vends credentials for registered locations with; and the data access
 * of the last two, scoped by {@link RegisteredDataAccess}. Their names are derived
 * ({@link MeshNames}), because producer policies name them before they exist.
 */
public final class CentralRoles extends ComponentResource {
    public static final String TYPE = "datamesh:index:CentralRoles";

    private final Role lakeAdmin;
    private final Role crawler;
    private final Role registration;

    /**
     * @param catalogName the catalog's name, which its resources' names start with
     * @param producers   the producers whose data the crawler and registration roles read; none, no policies
     * @param catalog     the component these resources were direct children of
     */
    public CentralRoles(String name, String catalogName, StackIdentity identity, List<ProducerExport> producers,
                        Output<String> catalogKeyArn, CentralCatalog catalog) {
        super(TYPE, name, ChildOf.componentUnder(catalog));
        var children = ChildOf.movedFrom(this, catalog);
        String account = identity.accountId();
        String prefix = identity.namePrefix();
        lakeAdmin = role(catalogName + "-lake-admin", MeshNames.lakeAdminRole(prefix),
                PolicyDocuments.trustPrincipalsOf(account, LakeFormationAdmins.configuredOrDeployer(identity)),
                "Administers the mesh's Lake Formation catalog; assumed by the platform team",
                List.of("arn:aws:iam::aws:policy/AWSLakeFormationDataAdmin",
                        "arn:aws:iam::aws:policy/AWSLakeFormationCrossAccountManager"), children);
        crawler = role(catalogName + "-crawler", MeshNames.crawlerRole(prefix), PolicyDocuments.trustService("glue.amazonaws.com"),
                "Runs the mesh's Glue crawlers over the declared tables of registered producers",
                List.of(), children);
        registration = role(catalogName + "-lf-registration", MeshNames.registrationRole(prefix),
                PolicyDocuments.trustService("lakeformation.amazonaws.com"),
                "Lake Formation vends credentials for registered producer locations with this role",
                List.of(), children);
        if (!producers.isEmpty()) {
            new RolePolicy(catalogName + "-registration-data", RolePolicyArgs.builder()
                    .role(registration.name())
                    .policy(PolicyDocuments.policy(RegisteredDataAccess.readDataProducts(producers)))
                    .build(), children.child());
            new RolePolicy(catalogName + "-crawler-data", RolePolicyArgs.builder()
                    .role(crawler.name())
                    .policy(catalogKeyArn.applyValue(keyArn -> PolicyDocuments.policy(RegisteredDataAccess
                            .crawlDeclaredTables(identity.region(), account, prefix, producers, keyArn))))
                    .build(), children.child());
        }
        registerOutputs(Map.of());
    }

    private static Role role(String name, String roleName, String trust, String description, List<String> managed,
                             ChildOf children) {
        return new Role(name, RoleArgs.builder()
                .name(roleName).description(description).assumeRolePolicy(trust).managedPolicyArns(managed)
                .build(), children.child());
    }

    public Role lakeAdmin() {
        return lakeAdmin;
    }

    public Role crawler() {
        return crawler;
    }

    public Role registration() {
        return registration;
    }
}
