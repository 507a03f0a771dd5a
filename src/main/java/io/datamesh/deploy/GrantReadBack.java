package io.datamesh.deploy;

import io.datamesh.lakeformation.Grant;
import io.datamesh.lakeformation.LfInputs;
import io.datamesh.lakeformation.LfResource;
import io.datamesh.plan.StackPlan;
import io.datamesh.resource.PlannedResource;
import io.datamesh.resource.Props;
import io.datamesh.verify.LiveGrant;
import io.datamesh.verify.StackCredentials;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When central's step fails on the provider reading back a {@code central-grant-*}, whether AWS made the grant.
 * terraform-provider-aws ({@code internal/service/lakeformation/permissions.go}) grants, then reads the grant back
 * with ListPermissions filtered by the principal and the resource and waits for a non-empty answer
 * ({@code waitPermissionsReady}); with none it fails the create with "reading Lake Formation permissions: timeout
 * while waiting for state to become 'AVAILABLE' (last state: 'NOT FOUND' ...)". For a role of another account
 * Lake Formation may list nothing under that filter (the Lake Formation team in terraform-provider-aws #44574;
 * #48360), so the timeout does not tell a grant AWS refused from one it made. Listing the tag policy's grants
 * filtered by the resource alone does: the grant is there, to that principal, or it is not.
 */
public final class GrantReadBack {
    static final String PREFIX = "central grant check: ";
    static final String READ_BACK_TIMEOUT = "timeout while waiting for state to become 'AVAILABLE' (last state: 'NOT FOUND'";
    private static final String CENTRAL_GRANT = "central-grant-";

    /** The central stack, its account and the credentials of its file. */
    public record Central(StackPlan plan, String accountId, String region, StackCredentials credentials) {
    }

    private GrantReadBack() {
    }

    /**
     * Explains each {@code central-grant-*} of the failed step whose error is the read-back timeout; others are
     * left to the step's own message.
     *
     * @param resourceErrors the step's error diagnostics by resource URN
     * @return how many grants were checked
     */
    public static int explain(Map<String, String> resourceErrors, Central central, DeployAccount.Factory accounts,
                              PrintWriter err) {
        List<PlannedResource> timedOut = central.plan().resources().stream()
                .filter(r -> r.name().startsWith(CENTRAL_GRANT))
                .filter(r -> resourceErrors.getOrDefault(r.urn(), "").contains(READ_BACK_TIMEOUT)).toList();
        if (timedOut.isEmpty()) {
            return 0;
        }
        try (DeployAccount account = accounts.open(central.credentials(), central.region(), central.accountId())) {
            timedOut.forEach(r -> err.println(PREFIX + r.name() + ": " + explain(r, central.accountId(), account)));
        } catch (SdkException | IllegalStateException e) {
            timedOut.forEach(r -> err.println(PREFIX + r.name() + ": the provider could not read the grant back, and Lake"
                    + " Formation in account " + central.accountId() + " could not be asked whether it exists ("
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + "). Check it with `aws lakeformation list-permissions`"
                    + " (filtered by the resource only), then resume."));
        }
        err.flush();
        return timedOut.size();
    }

    private static String explain(PlannedResource resource, String centralAccount, DeployAccount account) {
        Optional<Grant> planned = LfInputs.grant(centralAccount, resource.name(), Props.of(resource.inputs()));
        if (planned.isEmpty() || !(planned.get().resource() instanceof LfResource.TagPolicy policy)) {
            return "not checked: the plan's grant is on no LF-tag policy.";
        }
        Grant grant = planned.get();
        String principal = grant.principal().lakeFormationId();
        List<LiveGrant> listed;
        try {
            listed = account.grantsOn(policy);
        } catch (SdkException e) {
            return "the provider could not read the grant back, and Lake Formation could not be asked whether it exists ("
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + "). Allow the deployer lakeformation:ListPermissions,"
                    + " or check the grant in the Lake Formation console, then resume.";
        }
        Optional<LiveGrant> found = listed.stream().filter(g -> g.principal().equals(principal))
                .filter(g -> g.resource().map(policy::equals).orElse(true))
                .filter(g -> g.permissions().containsAll(grant.permissions())).findFirst();
        String what = grant.permissions() + " to " + principal + " on " + policy.resourceType() + "s where "
                + policy.expression();
        if (found.isPresent()) {
            return "AWS made the grant (" + what + "): Lake Formation lists it on the tag policy. Only the provider's"
                    + " read-back failed: it lists by principal too, and for a role of another account Lake Formation"
                    + " answers nothing (terraform-provider-aws #44574, #48360; its fix, PR #49398, came after the provider"
                    + " of pulumi-aws 6.83.0). The access is in force; do not revoke it. Resuming grants again (Lake"
                    + " Formation adds nothing twice) and may meet the same read-back; ./datamesh verify shows the access"
                    + " in force.";
        }
        return "AWS has not made the grant (" + what + "): Lake Formation lists " + (listed.isEmpty() ? "no grant"
                : "no such grant among the " + listed.size() + " grant(s)") + " on the tag policy, so the read-back's"
                + " timeout is AWS's answer, not the provider's. Check that the role " + principal + " exists and that"
                + " central holds the LF-tags " + policy.expression() + ", then resume; the grant is made again.";
    }
}
