package io.datamesh.consumer;

import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.datamesh.account.LakeFormationAdmins;
import io.datamesh.domain.SharedDataAccess;
import io.datamesh.domain.SharedDataAccessArgs;

import java.util.List;
import java.util.Map;

/**
 * An analytics domain: its account's Lake Formation admin settings (merged, never replaced), then
 * resource links, its analyst roles with DESCRIBE on those links, and an Athena workgroup.
 */
public final class ConsumerDomain extends ComponentResource {
    public static final String TYPE = "datamesh:index:ConsumerDomain";

    private final SharedDataAccess access;

    public ConsumerDomain(String name, ConsumerDomainArgs args) {
        super(TYPE, name, ComponentResourceOptions.Empty);
        var settings = args.settings();
        var lakeSettings = LakeFormationAdmins.write(name + "-lake-settings", args.lakeSettings(), this, List.of());
        access = new SharedDataAccess(name + "-access", new SharedDataAccessArgs(settings.identity(), settings.domain(),
                settings.access(), args.share(), args.catalogKeyArn()), lakeSettings, this);
        registerOutputs(Map.of());
    }

    public SharedDataAccess access() {
        return access;
    }
}
