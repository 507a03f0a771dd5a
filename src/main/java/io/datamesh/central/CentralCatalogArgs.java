package io.datamesh.central;

import io.datamesh.config.CentralSettings;
import io.datamesh.stackref.ProducerExport;

import java.util.List;

/**
 * @param producers the onboarded producers that have been deployed (their exports read from their
 *                  stacks and checked against the ontology); configured but undeployed ones are absent
 */
public record CentralCatalogArgs(CentralSettings settings, List<ProducerExport> producers) {
    public CentralCatalogArgs {
        producers = List.copyOf(producers);
    }
}
