package io.datamesh.quota;

import java.util.Locale;

/**
 * How much of one quota an account's planned resources use.
 *
 * @param limit  the quota in force: the configured raised one, else AWS's default
 * @param raised whether {@code limit} comes from {@code datamesh:quotas}
 */
public record QuotaUsage(String account, Quota quota, long used, long limit, boolean raised) {
    static final double WARNING_SHARE = 0.8;

    public enum Level { OK, WARNING, ERROR }

    /** A warning from 80% of the quota, an error above it. */
    public Level level() {
        if (used > limit) {
            return Level.ERROR;
        }
        return used >= WARNING_SHARE * limit ? Level.WARNING : Level.OK;
    }

    public String message() {
        String of = String.format(Locale.ROOT, "%,d of %,d", used, limit);
        String limitSource = raised ? "raised quota of datamesh:quotas." + quota.configKey()
                : "AWS default, " + quota.source();
        String verdict = switch (level()) {
            case ERROR -> "exceeds it: raise the quota with AWS Service Quotas, then set datamesh:quotas." + quota.configKey();
            case WARNING -> "at least 80% of it";
            case OK -> "within it";
        };
        return "account " + account + ": " + quota.description() + " (" + quota.configKey() + "): " + of
                + " (" + limitSource + ") — " + verdict;
    }
}
