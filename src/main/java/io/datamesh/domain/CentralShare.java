package io.datamesh.domain;

import io.datamesh.account.Diagnostics;
import io.datamesh.config.DomainAccess;
import io.datamesh.config.RamSharing;
import io.datamesh.stackref.DomainShare;
import io.datamesh.stackref.MeshOutputs;
import io.datamesh.stackref.StackOutputs;

import java.util.Map;
import java.util.Optional;

/**
 * What a domain stack reads from the central stack: what is shared with it, the catalog key its
 * roles read metadata with, and whether AWS RAM shares need accepting by hand.
 *
 * @param share empty while central is not deployed or grants nothing to this domain
 */
public record CentralShare(Optional<DomainShare> share, Optional<String> catalogKeyArn) {

    public static CentralShare read(StackOutputs central, String domain, DomainAccess access, Diagnostics diagnostics) {
        Optional<Map<String, DomainShare>> shares = central.optionalVersionedMap(MeshOutputs.SHARES, DomainShare.class,
                DomainShare.VERSION);
        if (shares.isEmpty()) {
            diagnostics.warn("central stack " + central.stack() + " is not deployed yet: no resource links this run."
                    + " Deploy order: " + MeshOutputs.DEPLOY_ORDER + ".");
            return new CentralShare(Optional.empty(), Optional.empty());
        }
        Optional<DomainShare> share = Optional.ofNullable(shares.get().get(domain));
        if (share.isEmpty()) {
            diagnostics.warn("central stack " + central.stack() + " grants nothing to domain '" + domain
                    + "': add a grant with `to: " + domain + "` to its datamesh:grants.");
        }
        boolean invitations = central.optional(MeshOutputs.RAM_SHARING, String.class)
                .filter(RamSharing.INVITATIONS.configValue()::equals).isPresent();
        if (invitations && share.isPresent() && access.ramShareArns().isEmpty()) {
            diagnostics.warn(pendingInvitation(central.stack(), access.centralAccountId()));
        }
        return new CentralShare(share, central.optional(MeshOutputs.CATALOG_KEY_ARN, String.class));
    }

    /**
     * Outside an AWS Organization, Lake Formation's RAM share stays a PENDING invitation until this
     * account accepts it, and an invitation left too long EXPIRES; queries fail until then.
     */
    static String pendingInvitation(String centralStack, String centralAccount) {
        return "central stack " + centralStack + " shares through AWS RAM invitations (datamesh:ramSharing: invitations):"
                + " queries through the resource links fail until this account accepts the share from " + centralAccount
                + ". Find it with `aws ram get-resource-share-invitations --query \"resourceShareInvitations[?senderAccountId=='"
                + centralAccount + "' && status=='PENDING'].resourceShareArn\" --output text` (credentials of this account),"
                + " put the ARNs into datamesh:ramShareArns and run this stack again; an EXPIRED invitation needs central"
                + " to share again (revoke and re-grant).";
    }
}
