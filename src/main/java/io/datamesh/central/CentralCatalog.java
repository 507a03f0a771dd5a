package io.datamesh.central;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.datamesh.account.LakeFormationAdmins;
import io.datamesh.account.LakeFormationLanes;
import io.datamesh.config.CentralSettings;
import io.datamesh.lakeformation.TaggedCatalog;
import io.datamesh.stackref.DomainShare;
import io.datamesh.stackref.ProducerExport;

import java.util.List;
import java.util.Map;

/**
 * The governance account of the mesh, in the order it is built: the key and what it encrypts, the
 * central roles, the Lake Formation settings that make the lake admin and deployer admins, the
 * LF-tag ontology, one onboarding per deployed producer (database, declared tables, their tags and
 * crawlers), and the LF-tag grants that share data with the domains' query roles.
 *
 * <p>Each job is a child component; their resources were direct children of this component
 * before, and keep their URNs there as aliases (docs/architecture.md, "Component tree and URNs").
 */
public final class CentralCatalog extends ComponentResource {
    public static final String TYPE = "datamesh:index:CentralCatalog";

    private final TaggedCatalog catalog;
    private final Map<String, DomainShare> shares;
    private final CatalogEncryption encryption;
    private final CentralRoles roles;

    public CentralCatalog(String name, CentralCatalogArgs args) {
        super(TYPE, name, ComponentResourceOptions.Empty);
        CentralSettings settings = args.settings();
        String account = settings.identity().accountId();
        this.catalog = ContractCatalog.of(account, args.producers());
        this.shares = ShareCalculator.shares(catalog, settings.grants());

        encryption = new CatalogEncryption(name + "-encryption", name, settings, this);
        roles = new CentralRoles(name + "-roles", name, settings.identity(), args.producers(), encryption.key().arn(),
                this);
        var lakeSettings = LakeFormationAdmins.write(name + "-lake-settings", args.lakeSettings(), this,
                List.of(roles.lakeAdmin()));
        var tags = new TagOntology(name + "-tags", name, account, settings.tagOntology(), lakeSettings, this);
        var lanes = new LakeFormationLanes(this, lakeSettings);
        for (ProducerExport producer : args.producers()) {
            new ProducerOnboarding(name + "-" + producer.domain(), new ProducerOnboarding.Args(account,
                    settings.identity().namePrefix(), producer, encryption, roles, tags, lakeSettings, lanes), this);
        }
        new QueryRoleGrants(name + "-grants", name, account, settings.grants(), args.queryRoles(), tags, lanes, this);
        registerOutputs(Map.of());
    }

    public Output<String> lakeAdminRoleArn() {
        return roles.lakeAdmin().arn();
    }

    public Output<String> crawlerRoleArn() {
        return roles.crawler().arn();
    }

    public Output<String> catalogKeyArn() {
        return encryption.key().arn();
    }

    public Output<String> registrationRoleArn() {
        return roles.registration().arn();
    }

    public TaggedCatalog catalog() {
        return catalog;
    }

    /** What each domain's account receives through the tag grants, by domain. */
    public Map<String, DomainShare> shares() {
        return shares;
    }
}
