package io.datamesh.deploy;

import com.pulumi.automation.AutomationException;
import io.datamesh.config.ConsumerSettings;
import io.datamesh.config.DomainAccess;
import io.datamesh.config.ProducerSettings;
import io.datamesh.config.StackSettings;
import io.datamesh.lakeformation.Principal;
import io.datamesh.plan.StackPlan;
import io.datamesh.resource.ResourceTypes;
import io.datamesh.util.ShellQuote;
import io.datamesh.verify.Invitation;
import io.datamesh.verify.StackCredentials;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * After central's step, before the domains' second runs: the RAM share invitations a domain account holds
 * from the central account, accepted through the program. Their shares' ARNs are appended to the stack's
 * {@code datamesh:ramShareArns} (Automation API setConfig, so they stay in {@code Pulumi.<stack>.yaml}), and
 * the second run's {@code ResourceShareAccepter}s accept them. Whatever the mode: the AWS RAM user guide has
 * shares to IAM roles arrive as invitations even inside an Organization, and in {@code organization} mode
 * with none pending nothing is set.
 *
 * <p>Only PENDING invitations are added, and only appended, never reordered or removed:
 * terraform-provider-aws {@code internal/service/ram/resource_share_accepter.go} creates an accepter only
 * from a PENDING invitation of its share ("No pending RAM Resource Share invitation found" otherwise), its
 * {@code share_arn} is ForceNew, and its delete leaves the share (DisassociateResourceShare). Accepters are
 * named by index, so a share moved to another index would be left and could not be accepted again.
 */
public final class ShareInvitations {
    static final String PREFIX = "ram-invitations: ";
    static final String RAM_SHARE_ARNS = "datamesh:ramShareArns";

    /** Writes one stack's configuration, as {@code pulumi config set --path} does. */
    @FunctionalInterface
    public interface StackConfig {
        void set(String stack, String path, String value) throws AutomationException;
    }

    /** One domain stack whose second run follows, with the credentials of its file. */
    public record Domain(String stack, StackSettings settings, StackCredentials credentials) {
        DomainAccess access() {
            if (settings instanceof ProducerSettings producer) {
                return producer.access();
            }
            if (settings instanceof ConsumerSettings consumer) {
                return consumer.access();
            }
            throw new IllegalArgumentException(stack + " is no domain stack");
        }
    }

    private ShareInvitations() {
    }

    /**
     * @param central central's planned resources, for the grants an expired invitation's remedy makes again
     * @return the number of invitations the program cannot accept (expired or rejected), each printed with its remedy
     */
    public static int accept(List<Domain> domains, Optional<StackPlan> central, Path dir, DeployAccount.Factory accounts,
                             StackConfig config, PrintWriter out, PrintWriter err) {
        int unacceptable = 0;
        for (Domain domain : domains) {
            var identity = domain.settings().identity();
            String label = PREFIX + domain.stack() + " (" + identity.accountId() + "): ";
            String sender = domain.access().centralAccountId();
            List<Invitation> received;
            try (DeployAccount account = accounts.open(domain.credentials(), identity.region(), identity.accountId())) {
                received = account.invitations().stream().filter(i -> sender.equals(i.senderAccountId())).toList();
            } catch (SdkException | IllegalStateException e) {
                err.println(label + "cannot list its RAM invitations (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
                        + "); its second run goes on without them, and ./datamesh verify reports any pending.");
                err.flush();
                continue;
            }
            unacceptable += accept(domain, label, received, central, dir, config, out, err);
            out.flush();
            err.flush();
        }
        return unacceptable;
    }

    private static int accept(Domain domain, String label, List<Invitation> received, Optional<StackPlan> central, Path dir,
                              StackConfig config, PrintWriter out, PrintWriter err) {
        String sender = domain.access().centralAccountId();
        List<String> configured = domain.access().ramShareArns();
        Set<String> pending = received.stream().filter(Invitation::isPending).map(Invitation::shareArn)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        List<String> added = pending.stream().filter(arn -> !configured.contains(arn)).toList();
        if (pending.isEmpty()) {
            out.println(label + "no pending invitation from central account " + sender);
        } else if (added.isEmpty()) {
            out.println(label + pending.size() + " pending invitation(s) from central account " + sender + ", already in "
                    + RAM_SHARE_ARNS + ": its second run accepts them");
        } else {
            out.println(label + pending.size() + " pending invitation(s) from central account " + sender + ": " + added);
            try {
                for (int i = 0; i < added.size(); i++) {
                    config.set(domain.stack(), RAM_SHARE_ARNS + "[" + (configured.size() + i) + "]", added.get(i));
                }
            } catch (AutomationException e) {
                err.println(label + "could not set " + RAM_SHARE_ARNS + " (" + e.getMessage() + "); add " + added + " to it in"
                        + " Pulumi." + domain.stack() + ".yaml and run ./datamesh up again.");
                return 0;
            }
            List<String> now = new ArrayList<>(configured);
            now.addAll(added);
            out.println(label + RAM_SHARE_ARNS + " set to " + now + " in Pulumi." + domain.stack() + ".yaml: its second run"
                    + " accepts them");
        }
        // A share whose last invitation expired or was rejected is invited again only when central shares again.
        Set<String> live = received.stream().filter(i -> i.isPending() || "ACCEPTED".equals(i.status()))
                .map(Invitation::shareArn).collect(Collectors.toSet());
        List<Invitation> lost = received.stream().filter(i -> List.of("EXPIRED", "REJECTED").contains(i.status()))
                .filter(i -> !live.contains(i.shareArn())).toList();
        lost.stream().map(Invitation::shareArn).distinct().forEach(share -> err.println(label + "the invitation to share "
                + share + " from central account " + sender + " is " + lost.stream().filter(i -> i.shareArn().equals(share))
                .map(Invitation::status).findFirst().orElseThrow() + ": it cannot be accepted, and queries through the resource"
                + " links fail until central shares again. " + remedy(domain, central, dir)));
        return (int) lost.stream().map(Invitation::shareArn).distinct().count();
    }

    /**
     * Lake Formation shares again when central grants again: its grants to this account, revoked and made again
     * ({@code --replace}; the mesh's grants are replaced delete-first), invite the account anew.
     */
    static String remedy(Domain domain, Optional<StackPlan> central, Path dir) {
        String account = domain.settings().identity().accountId();
        List<String> grants = central.map(plan -> plan.ofType(ResourceTypes.LF_PERMISSIONS).stream()
                .filter(r -> r.inputs().get("principal") instanceof String principal
                        && Principal.parse(principal).filter(p -> p.account().equals(account)).isPresent())
                .map(r -> r.urn()).toList()).orElse(List.of());
        if (central.isEmpty() || grants.isEmpty()) {
            return "Fix: revoke central's grants to account " + account + " and make them again (pulumi up --replace on"
                    + " each), then run ./datamesh up again.";
        }
        return "Fix: make central's " + grants.size() + " grant(s) to account " + account + " again, then run ./datamesh up"
                + " again:\n    pulumi -C " + ShellQuote.quote(dir.toString()) + " up --stack "
                + ShellQuote.quote(central.get().stack()) + grants.stream().map(urn -> " --replace " + ShellQuote.quote(urn))
                .collect(Collectors.joining()) + " --yes";
    }
}
