package io.datamesh.config;



/**
 * The object-level audit trail of a producer's data bucket: CloudTrail data events of every read
 * and write, delivered to a dedicated log bucket that keeps them {@code retentionDays}.
 *
 * @param enabled false only where an organization trail already records this bucket's data events
 *                (then also disable the policy {@code s3-data-bucket-audit-trail}, saying why)
 */
public record AuditTrailSettings(boolean enabled, int retentionDays) {
    public static final AuditTrailSettings DEFAULTS = new AuditTrailSettings(true, 365);
}
