package io.datamesh.config;



/** An analytics domain that queries shared data with Athena. */
public record ConsumerSettings(StackIdentity identity, String domain, DomainAccess access)
        implements StackSettings {
    @Override
    public StackRole role() {
        return StackRole.CONSUMER;
    }
}
