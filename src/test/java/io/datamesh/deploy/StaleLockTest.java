package io.datamesh.deploy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StaleLockTest {
    /** The CLI's refusal after `./datamesh up` was killed (SIGKILL) mid-central, as CLI v3.274.1 printed it. */
    private static final String REFUSAL = """
            error: the stack is currently locked by 1 lock(s). Either wait for the other process(es) to end or delete the lock file with `pulumi cancel`.
              file:///tmp/exp1/backend/.pulumi/locks/organization/datamesh/central/1cce0ba6-aeb8-4a6a-b7dd-79c7a3135b38.json?no_tmp_dir=true: created by root@vm (pid 5209) at 2026-12-07T08:11:33Z
            """;

    @Test
    void theCliNamesEachLockWithItsHostAndPid() {
        var locks = StaleLock.parse(REFUSAL);
        assertEquals(1, locks.size());
        assertEquals(new StaleLock("file:///tmp/exp1/backend/.pulumi/locks/organization/datamesh/central/"
                + "1cce0ba6-aeb8-4a6a-b7dd-79c7a3135b38.json?no_tmp_dir=true", "root", "vm", 5209, "2026-12-07T08:11:33Z"), locks.get(0));
    }

    @Test
    void aLockOfAProcessGoneFromThisMachineIsStale() {
        assertTrue(StaleLock.parse(REFUSAL).get(0).stale("vm", pid -> Optional.empty()));
    }

    @Test
    void aReusedPidRunningSomethingElseIsStaleToo() {
        assertTrue(StaleLock.parse(REFUSAL).get(0).stale("vm", pid -> Optional.of("/usr/bin/sleep")));
    }

    @Test
    void aRunningPulumiOrAProcessWeCannotReadKeepsItsLock() {
        var lock = StaleLock.parse(REFUSAL).get(0);
        assertFalse(lock.stale("vm", pid -> Optional.of("/opt/pulumi/bin/pulumi")));
        assertFalse(lock.stale("vm", pid -> Optional.of("")));
    }

    @Test
    void aLockTakenOnAnotherMachineIsNeverTakenAsStale() {
        assertFalse(StaleLock.parse(REFUSAL).get(0).stale("ci-runner-7", pid -> Optional.empty()));
    }

    @Test
    void aRefusalThatNamesNoLockFileGivesNone() {
        assertEquals(List.of(), StaleLock.parse("error: [409] Conflict: Another update is currently in progress."));
    }
}
