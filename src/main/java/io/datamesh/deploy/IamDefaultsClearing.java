package io.datamesh.deploy;

import io.datamesh.lakeformation.AccountSettings;
import io.datamesh.lakeformation.SettingsCommand;
import io.datamesh.preflight.CallerIdentity;
import io.datamesh.preflight.Preflight;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code up --clear-iam-defaults}: in each stack's account that still has Lake Formation's IAM-only default
 * permissions, the one settings write that {@code preflight} prints as a command, made through the SDK with the
 * stack's credentials — the same merged settings ({@link Preflight#merge}): every admin, read-only admin and
 * unmanaged setting kept, the cross-account version pinned, the defaults emptied. The settings are read back
 * and shown before and after; the write is refused when the account has another blocker, and a read-back
 * that lost an admin or kept a default stops the run.
 */
public final class IamDefaultsClearing {
    static final String PREFIX = "clear-iam-defaults: ";

    private IamDefaultsClearing() {
    }

    /** @return whether every account is now free of IAM-only defaults; every problem was printed on {@code err} */
    public static boolean clear(List<Preflight.Target> targets, DeployAccount.Factory accounts, PrintWriter out,
                                PrintWriter err) {
        boolean ready = true;
        for (Preflight.Target target : targets) {
            String accountId = target.settings().identity().accountId();
            String label = PREFIX + target.stack() + " (" + accountId + "): ";
            try (DeployAccount account = accounts.open(target.credentials(), target.settings().identity().region(), accountId)) {
                ready &= clear(target, account, label, out, err);
            } catch (SdkException | IllegalStateException e) {
                err.println(label + "not cleared: " + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + " (run ./datamesh"
                        + " preflight for what the credentials need)");
                ready = false;
            }
            out.flush();
            err.flush();
        }
        return ready;
    }

    private static boolean clear(Preflight.Target target, DeployAccount account, String label, PrintWriter out,
                                 PrintWriter err) {
        String accountId = target.settings().identity().accountId();
        CallerIdentity caller = account.callerIdentity();
        if (!caller.account().equals(accountId)) {
            err.println(label + "not cleared: the stack's credentials (" + caller.arn() + ") belong to account "
                    + caller.account() + ", not to datamesh:accountId " + accountId + ".");
            return false;
        }
        AccountSettings before = account.settings();
        var outcome = Preflight.merge(target.settings(), caller, before);
        if (outcome.defaultsClear().isEmpty()) {
            out.println(label + "no IAM-only default permissions, nothing to clear");
            return true;
        }
        if (!outcome.blockersBesidesDefaults().isEmpty()) {
            outcome.blockersBesidesDefaults().forEach(b -> err.println(label + "not cleared: " + b));
            return false;
        }
        AccountSettings write = outcome.defaultsClear().get();
        out.println(label + "before: " + describe(before));
        out.println(label + "writes the settings preflight prints as: " + SettingsCommand.putDataLakeSettings(accountId, write));
        account.writeSettings(accountId, write);
        AccountSettings after = account.settings();
        out.println(label + "after:  " + describe(after));
        Set<String> lost = new TreeSet<>(before.admins());
        lost.removeAll(after.admins());
        if (!lost.isEmpty() || !after.defaultPermissionPrincipals().isEmpty()) {
            err.println(label + "Lake Formation answered settings other than those written: " + (lost.isEmpty() ? ""
                    : "admin(s) " + lost + " missing; ") + "default permissions " + after.defaultPermissionPrincipals()
                    + ". Nothing was deployed; check the account's settings in the Lake Formation console.");
            return false;
        }
        return true;
    }

    /** What the write is about: who administers, what every new database and table grants, the sharing version. */
    static String describe(AccountSettings settings) {
        return "admins " + settings.admins() + ", read-only admins " + settings.readOnlyAdmins() + ", default permissions "
                + settings.defaultPermissionPrincipals() + ", cross-account version " + settings.crossAccountVersion();
    }
}
