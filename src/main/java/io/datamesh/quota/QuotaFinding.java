package io.datamesh.quota;

import java.util.Locale;

/**
 * One quota an account comes near or exceeds.
 *
 * @param limit  the quota in force: the configured raised one, else AWS's default
 * @param raised whether {@code limit} comes from {@code datamesh:quotas}
 */
public record QuotaFinding(String account, Quota quota, long used, long limit, boolean raised, Level level) {
    public enum Level { WARNING, ERROR }

    public String message() {
        String of = String.format(Locale.ROOT, "%,d of %,d", used, limit);
        String limitSource = raised ? "raised quota of datamesh:quotas." + quota.configKey()
                : "AWS default, " + quota.source();
        String verdict = level == Level.ERROR
                ? "exceeds it: raise the quota with AWS Service Quotas, then set datamesh:quotas." + quota.configKey()
                : "at least 80% of it";
        return "account " + account + ": " + quota.description() + " (" + quota.configKey() + "): " + of
                + " (" + limitSource + ") — " + verdict;
    }
}
