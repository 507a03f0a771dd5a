package io.datamesh.consumer;

import io.datamesh.config.ConsumerSettings;
import io.datamesh.stackref.DomainShare;

/** @param share what central's tag grants give this consumer's account */
public record ConsumerDomainArgs(ConsumerSettings settings, DomainShare share) {
}
