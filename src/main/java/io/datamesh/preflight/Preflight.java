package io.datamesh.preflight;

import io.datamesh.account.LakeFormationAdmins;
import io.datamesh.config.StackSettings;
import io.datamesh.lakeformation.AccountSettings;
import io.datamesh.lakeformation.SettingsMerge;
import io.datamesh.preflight.AccountProbe.Decision;
import io.datamesh.preflight.DeployerActions.RequiredAction;
import io.datamesh.verify.StackCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Checks each stack's account before anything changes, and reports every problem of every stack at
 * once, each with its fix: the credentials resolve, to the stack's account; the deployer may do what
 * fails late ({@link DeployerActions}, through IAM's policy simulator); the account's Lake Formation
 * settings let the stack write its own (the same blockers the program stops on, {@link SettingsMerge}).
 */
public final class Preflight {
    private Preflight() {
    }

    public enum Check { PULUMI_CLI, CREDENTIALS, PERMISSIONS, LAKE_FORMATION_SETTINGS }

    /**
     * @param blocks false for what preflight could not check (the simulator refused): said, not failed
     */
    public record Finding(String stack, Check check, String message, boolean blocks) {
        static Finding problem(String stack, Check check, String message) {
            return new Finding(stack, check, message, true);
        }
    }

    /** One stack to check: its validated settings and the credentials of its file. */
    public record Target(String stack, StackSettings settings, StackCredentials credentials) {
    }

    /**
     * @param defaultsCleared the run clears IAM-only defaults itself ({@code up --clear-iam-defaults}): they are
     *                        said, not a problem
     */
    public static List<Finding> accounts(List<Target> targets, AccountProbe.Factory probes, boolean defaultsCleared,
                                         Consumer<String> progress) {
        List<Finding> findings = new ArrayList<>();
        for (Target target : targets) {
            var identity = target.settings().identity();
            progress.accept(target.stack() + " (" + identity.accountId() + ")");
            try (AccountProbe probe = probes.open(target.credentials(), identity.region())) {
                account(target, probe, defaultsCleared, findings, progress);
            } catch (SdkException | IllegalStateException e) {
                findings.add(Finding.problem(target.stack(), Check.CREDENTIALS, unresolved(target, e)));
            }
        }
        return List.copyOf(findings);
    }

    private static void account(Target target, AccountProbe probe, boolean defaultsCleared, List<Finding> findings,
                                Consumer<String> progress) {
        String stack = target.stack();
        String accountId = target.settings().identity().accountId();
        CallerIdentity caller;
        try {
            caller = probe.callerIdentity();
        } catch (SdkException | IllegalStateException e) {
            findings.add(Finding.problem(stack, Check.CREDENTIALS, unresolved(target, e)));
            return;
        }
        if (!caller.account().equals(accountId)) {
            findings.add(Finding.problem(stack, Check.CREDENTIALS, "stack " + stack + ": its credentials (" + caller.arn()
                    + ") belong to account " + caller.account() + ", not to datamesh:accountId " + accountId + ". Fix: set"
                    + " aws:profile or aws:assumeRole in " + file(stack) + " to credentials of account " + accountId
                    + ", or correct datamesh:accountId."));
            return;
        }
        progress.accept(stack + ": credentials of " + caller.arn());
        findings.addAll(permissions(target, probe, caller));
        findings.addAll(settings(target, probe, caller, defaultsCleared, progress));
    }

    private static List<Finding> permissions(Target target, AccountProbe probe, CallerIdentity caller) {
        String stack = target.stack();
        Optional<String> principal = caller.simulatedPrincipal();
        if (principal.isEmpty()) {
            return List.of(new Finding(stack, Check.PERMISSIONS, "stack " + stack + ": the deployer's permissions were not"
                    + " checked: IAM's policy simulator cannot simulate " + caller.arn() + " (the root user or a federated"
                    + " session); deploy with a role or user.", false));
        }
        var identity = target.settings().identity();
        List<RequiredAction> actions = DeployerActions.of(target.settings().role(), identity.accountId(), identity.region(),
                identity.namePrefix());
        List<Decision> decisions;
        try {
            decisions = probe.simulate(principal.get(), actions);
        } catch (AwsServiceException e) {
            String refusal = e.awsErrorDetails() == null ? e.getClass().getSimpleName() : e.awsErrorDetails().errorCode();
            return List.of(new Finding(stack, Check.PERMISSIONS, "stack " + stack + ": the deployer's permissions were not"
                    + " checked: IAM's policy simulator answered " + refusal + " for " + principal.get() + (isAccessDenied(e)
                    ? " (it may not call iam:SimulatePrincipalPolicy; allow it that on itself to have them checked)"
                    : "") + "; `pulumi up` fails late on a missing one.", false));
        }
        return decisions.stream().filter(d -> !d.allowed()).map(d -> Finding.problem(stack, Check.PERMISSIONS, "stack " + stack
                + ": the deployer " + principal.get() + " may not " + d.action().action()
                + (d.action().resource().equals("*") ? "" : " on " + d.action().resource())
                + d.deniedBy().map(p -> " (denied explicitly by " + p + ")").orElse("")
                + ". Fix: " + d.action().grantedBy() + ".")).toList();
    }

    private static List<Finding> settings(Target target, AccountProbe probe, CallerIdentity caller, boolean defaultsCleared,
                                          Consumer<String> progress) {
        String stack = target.stack();
        var identity = target.settings().identity();
        AccountSettings current;
        try {
            current = probe.settings();
        } catch (SdkException e) {
            return List.of(Finding.problem(stack, Check.LAKE_FORMATION_SETTINGS, "stack " + stack + ": cannot read the Lake"
                    + " Formation settings of account " + identity.accountId() + " (" + firstLine(e) + "). Fix: allow the"
                    + " deployer lakeformation:GetDataLakeSettings (" + DeployerActions.LAKE_FORMATION_ADMIN + ")."));
        }
        var outcome = merge(target.settings(), caller, current);
        if (defaultsCleared && outcome.defaultsClear().isPresent()) {
            progress.accept(stack + ": IAM-only default permissions " + current.defaultPermissionPrincipals()
                    + ", which --clear-iam-defaults clears before the first step");
        }
        return (defaultsCleared ? outcome.blockersBesidesDefaults() : outcome.blockers()).stream()
                .map(b -> Finding.problem(stack, Check.LAKE_FORMATION_SETTINGS, "stack " + stack + ": " + b)).toList();
    }

    /**
     * The account's settings merged as the stack's program merges them: the admins it creates, and
     * datamesh:lakeFormationAdmins or, when that is empty, the deploying principal.
     */
    public static SettingsMerge.Outcome merge(StackSettings settings, CallerIdentity caller, AccountSettings current) {
        var identity = settings.identity();
        List<String> created = LakeFormationAdmins.createdByStack(settings);
        List<String> configured = identity.lakeFormationAdmins().isEmpty()
                ? caller.simulatedPrincipal().map(List::of).orElse(List.of(caller.arn())) : identity.lakeFormationAdmins();
        return SettingsMerge.merge(identity.accountId(), current,
                Stream.concat(created.stream(), configured.stream()).distinct().toList(), created, identity.crossAccountVersion());
    }

    private static boolean isAccessDenied(AwsServiceException e) {
        return e.statusCode() == 403 || (e.awsErrorDetails() != null
                && e.awsErrorDetails().errorCode() != null && e.awsErrorDetails().errorCode().startsWith("AccessDenied"));
    }

    /** One sentence naming the stack and the key to set; the SDK's reason only in parentheses. */
    static String unresolved(Target target, Exception e) {
        String stack = target.stack();
        StackCredentials credentials = target.credentials();
        String reason = " (" + firstLine(e) + ")";
        if (credentials.assumeRole().isPresent()) {
            return "stack " + stack + ": the role " + credentials.assumeRole().get().roleArn() + " of aws:assumeRole in "
                    + file(stack) + " could not be assumed with " + credentials.profile().map(p -> "the profile " + p)
                    .orElse("the environment's credentials") + reason + ". Fix: give aws:profile (or AWS_PROFILE) credentials"
                    + " that the role's trust policy lets in, or correct aws:assumeRole.roleArn.";
        }
        if (credentials.profile().isPresent()) {
            return "stack " + stack + ": the profile " + credentials.profile().get() + " of aws:profile in " + file(stack)
                    + " gives no credentials" + reason + ". Fix: define it in ~/.aws/config (aws configure --profile "
                    + credentials.profile().get() + ", or aws sso login --profile " + credentials.profile().get()
                    + "), or set aws:profile to one that exists.";
        }
        return "stack " + stack + ": no AWS credentials: " + file(stack) + " sets neither aws:profile nor aws:assumeRole and"
                + " the environment gives none" + reason + ". Fix: set aws:profile or aws:assumeRole.roleArn in " + file(stack)
                + ", or AWS_PROFILE (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY) in the environment.";
    }

    /** The SDK's first sentence: its credential-chain message goes on to name every provider it tried, and why each failed. */
    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("").strip();
        int chain = message.indexOf(" in the chain ");
        return chain > 0 ? message.substring(0, chain) : message;
    }

    private static String file(String stack) {
        return "Pulumi." + stack + ".yaml";
    }
}
