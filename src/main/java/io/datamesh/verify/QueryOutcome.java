package io.datamesh.verify;

import java.util.List;

/**
 * What one probe answered. Only {@link Columns} and {@link Refused} say something about the
 * role's access; the others say the probe could not test it, so they never pass a probe.
 */
public sealed interface QueryOutcome {
    /**
     * The query ran; the columns are those of its result set, in order.
     *
     * @param rows how many data rows it returned (Athena's header row not counted)
     */
    record Columns(List<String> names, int rows) implements QueryOutcome {
        public Columns {
            names = List.copyOf(names);
        }
    }

    /** Lake Formation or the catalog refused the table (no permission, or the table is invisible to the role). */
    record Refused(String reason) implements QueryOutcome {
    }

    /** verify could not become the role (its trust policy, or the profile named for it, refused): nothing ran. */
    record NotAssumed(String reason) implements QueryOutcome {
    }

    /** S3 or KMS refused the workgroup's results location or its key: the query could not deliver an answer. */
    record ResultsDenied(String reason) implements QueryOutcome {
    }

    /**
     * S3 or KMS refused the table's own objects or their key: Lake Formation authorized the query, and
     * the data could not be read with the credentials it vended.
     */
    record DataDenied(String reason) implements QueryOutcome {
    }

    /** The query failed for another reason (workgroup, timeout): the check cannot conclude. */
    record Failed(String reason) implements QueryOutcome {
    }
}
