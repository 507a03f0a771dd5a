package io.datamesh.producer;

import io.datamesh.config.ProducerSettings;
import io.datamesh.config.SampleData;
import io.datamesh.lakeformation.AccountSettings;
import io.datamesh.stackref.DomainShare;

import java.util.List;
import java.util.Optional;

/**
 * @param share         what central's tag grants give this domain; empty before central is deployed
 * @param catalogKeyArn the central catalog's encryption key; empty before central is deployed
 * @param sampleData    the sample files to upload, resolved inside the project
 * @param lakeSettings  the account's data lake settings to write, merged before anything was registered
 */
public record ProducerDomainArgs(ProducerSettings settings, Optional<DomainShare> share, Optional<String> catalogKeyArn,
                                 List<SampleData.Upload> sampleData, AccountSettings lakeSettings) {
}
