package io.datamesh.central;

import io.datamesh.config.CentralSettings;
import io.datamesh.lakeformation.AccountSettings;
import io.datamesh.stackref.ProducerExport;

import java.util.List;

/**
 * @param producers    the onboarded producers that have been deployed (their exports read from their
 *                     stacks and checked against the ontology); configured but undeployed ones are absent
 * @param lakeSettings the account's data lake settings to write, merged before anything was registered
 */
public record CentralCatalogArgs(CentralSettings settings, List<ProducerExport> producers,
                                 AccountSettings lakeSettings) {
    public CentralCatalogArgs {
        producers = List.copyOf(producers);
    }
}
