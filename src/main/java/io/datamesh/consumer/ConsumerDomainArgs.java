package io.datamesh.consumer;

import io.datamesh.config.ConsumerSettings;
import io.datamesh.lakeformation.AccountSettings;
import io.datamesh.stackref.DomainShare;

import java.util.Optional;

/**
 * @param share         what central's tag grants give this domain; empty before central is deployed
 * @param catalogKeyArn the central catalog's encryption key; empty before central is deployed
 * @param lakeSettings  the account's data lake settings to write, merged before anything was registered
 */
public record ConsumerDomainArgs(ConsumerSettings settings, Optional<DomainShare> share, Optional<String> catalogKeyArn,
                                 AccountSettings lakeSettings) {
}
