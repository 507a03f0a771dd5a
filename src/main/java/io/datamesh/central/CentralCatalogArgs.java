package io.datamesh.central;

import io.datamesh.config.CentralSettings;
import io.datamesh.lakeformation.AccountSettings;
import io.datamesh.stackref.ProducerExport;
import io.datamesh.stackref.QueryRoles;

import java.util.List;
import java.util.Map;

/**
 * @param producers    the onboarded producers that have been deployed (their exports read from their
 *                     stacks and checked against the ontology); configured but undeployed ones are absent
 * @param queryRoles   by domain, the query roles the deployed producer and consumer stacks publish;
 *                     a domain not deployed yet is absent, and its grants wait for the next run
 * @param lakeSettings the account's data lake settings to write, merged before anything was registered
 */
public record CentralCatalogArgs(CentralSettings settings, List<ProducerExport> producers,
                                 Map<String, QueryRoles> queryRoles, AccountSettings lakeSettings) {
    public CentralCatalogArgs {
        producers = List.copyOf(producers);
        queryRoles = Map.copyOf(queryRoles);
    }
}
