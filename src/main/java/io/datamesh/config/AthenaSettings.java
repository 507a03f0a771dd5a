package io.datamesh.config;

/** Guardrails of a domain's Athena workgroup. */
public record AthenaSettings(int bytesScannedCutoffPerQuery, int resultsExpirationDays) {
    /** 1 GiB a query; the provider's field is a 32-bit integer, so the cap can be at most ~2 GiB. */
    public static final AthenaSettings DEFAULTS = new AthenaSettings(1024 * 1024 * 1024, 30);
}
