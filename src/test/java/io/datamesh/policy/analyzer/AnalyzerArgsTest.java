package io.datamesh.policy.analyzer;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AnalyzerArgsTest {
    @Test
    void dropsEngineLogFlags() {
        assertEquals(new AnalyzerArgs("aws-baseline", "127.0.0.1:4000"), AnalyzerArgs.parse(
                "aws-baseline", "--logtostderr", "-v=9", "--tracing", "file:/tmp/t", "--logflow", "127.0.0.1:4000"));
    }

    @Test
    void ignoresProgramDirAndRuntimeOptionsOfTheFallbackMode() {
        assertEquals(new AnalyzerArgs("aws-baseline", "127.0.0.1:4000"),
                AnalyzerArgs.parse("aws-baseline", "-v=3", "127.0.0.1:4000", ".", "-k=v"));
    }

    @Test
    void requiresTheEngineAddress() {
        assertThrows(IllegalArgumentException.class, () -> AnalyzerArgs.parse("aws-baseline", "--logtostderr"));
    }
}
