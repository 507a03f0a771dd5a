package io.datamesh.deploy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MeshDeployerTest {
    private static final long GIB = 1L << 30;

    @ParameterizedTest
    @CsvSource({
            "2, 24, 2",     // the build machine: one step per processor
            "16, 64, 4",    // a large machine: at most four
            "8, 7, 3",      // a 7 GB CI runner: memory decides
            "1, 1, 1",      // never below one
            "4, 1, 1"})
    void byDefaultOneStepPerProcessorAndPerTwoGibibytesAtMostFour(int processors, long gibibytes, int expected) {
        assertEquals(expected, MeshDeployer.defaultParallel(processors, gibibytes * GIB));
    }
}
