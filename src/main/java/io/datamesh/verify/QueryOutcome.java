package io.datamesh.verify;

import java.util.List;

/** What Athena answered to one zero-row query. */
public sealed interface QueryOutcome {
    /** The query ran; the columns are those of its result set, in order. */
    record Columns(List<String> names) implements QueryOutcome {
        public Columns {
            names = List.copyOf(names);
        }
    }

    /** Lake Formation refused the table (no permission, or the table is invisible to the role). */
    record Refused(String reason) implements QueryOutcome {
    }

    /** The query failed for another reason (workgroup, results bucket, KMS, timeout): the check cannot conclude. */
    record Failed(String reason) implements QueryOutcome {
    }
}
