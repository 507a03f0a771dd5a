package io.datamesh.config;



/** The validated configuration of one stack; exactly one component is built from it. */
public sealed interface StackSettings permits CentralSettings, ProducerSettings, ConsumerSettings {
    StackIdentity identity();

    StackRole role();
}
