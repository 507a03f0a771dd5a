package io.datamesh.config;



/**
 * A domain's Athena workgroup: whether it has one, and its guardrails.
 *
 * @param enabled whether the domain gets a workgroup with its results key and bucket; by default
 *                only when it has analysts (nobody else queries with it)
 */
public record AthenaSettings(boolean enabled, int bytesScannedCutoffPerQuery, int resultsExpirationDays) {
    /** 1 GiB a query; the provider's field is a 32-bit integer, so the cap can be at most ~2 GiB. */
    public static final int DEFAULT_BYTES_SCANNED_CUTOFF = 1024 * 1024 * 1024;
    public static final int DEFAULT_RESULTS_EXPIRATION_DAYS = 30;
}
