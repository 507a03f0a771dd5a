package io.datamesh.producer;

import io.datamesh.config.ProducerSettings;
import io.datamesh.lakeformation.AccountSettings;
import io.datamesh.stackref.DomainShare;

import java.nio.file.Path;
import java.util.Optional;

/**
 * @param share        what central's tag grants give this domain's account; empty before central is deployed
 * @param projectDir   where {@code sampleDataDir} is resolved
 * @param lakeSettings the account's data lake settings to write, merged before anything was registered
 */
public record ProducerDomainArgs(ProducerSettings settings, Optional<DomainShare> share, Path projectDir,
                                 AccountSettings lakeSettings) {
}
