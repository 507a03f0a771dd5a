package io.datamesh.consumer;

import io.datamesh.config.ConsumerSettings;
import io.datamesh.lakeformation.AccountSettings;
import io.datamesh.stackref.DomainShare;

/**
 * @param share        what central's tag grants give this consumer's account
 * @param lakeSettings the account's data lake settings to write, merged before anything was registered
 */
public record ConsumerDomainArgs(ConsumerSettings settings, DomainShare share, AccountSettings lakeSettings) {
}
