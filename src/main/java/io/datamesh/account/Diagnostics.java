package io.datamesh.account;

import com.pulumi.Context;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Warnings a stack raises while it is defined (a producer not deployed yet, settings that will
 * change). They go to the engine's log and are kept, so the offline plan can report them.
 */
public final class Diagnostics {
    private final Context ctx;
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

    public Diagnostics(Context ctx) {
        this.ctx = ctx;
    }

    public void warn(String message) {
        warnings.add(message);
        ctx.log().warn(message);
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }
}
