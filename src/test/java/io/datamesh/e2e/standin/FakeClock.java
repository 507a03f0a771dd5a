package io.datamesh.e2e.standin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A clock that only moves when someone sleeps, so tests run the provider's waits in no time. */
final class FakeClock implements LakeFormationContention.Clock {
    long now;
    final List<Long> sleeps = new ArrayList<>();

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration.toMillis());
        now += duration.toNanos();
    }
}
