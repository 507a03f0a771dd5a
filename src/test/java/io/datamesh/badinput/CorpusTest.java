package io.datamesh.badinput;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;

/**
 * One class of the bad-input corpus: a subclass declares {@code static Stream<BadInputCase> cases()}.
 * The timeout turns an input that would hang the CLI (a FIFO read, an alias bomb) into a failure.
 */
abstract class CorpusTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Timeout(120)
    void corpus(BadInputCase c, @TempDir Path tmp) {
        c.check(tmp);
    }
}
