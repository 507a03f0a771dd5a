package io.datamesh.deploy;

import io.datamesh.plan.AccountState;
import io.datamesh.plan.MeshPlan;
import io.datamesh.plan.MeshPlanner;
import io.datamesh.plan.SampleMesh;
import io.datamesh.verify.Invitation;
import io.datamesh.verify.StackCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which invitations become datamesh:ramShareArns: pending ones from central, appended after the ARNs the stack
 * already has and never reordered (resource_share_accepter.go: an accepter is created only from a PENDING
 * invitation, its share_arn is ForceNew and its delete leaves the share).
 */
class ShareInvitationsTest {
    private static final String KEPT = "arn:aws:ram:eu-west-1:111111111111:resource-share/kept";
    private static final String NEW = "arn:aws:ram:eu-west-1:111111111111:resource-share/new";

    private static Invitation from(String sender, String share, String status) {
        return new Invitation("arn:aws:ram:eu-west-1:" + sender + ":resource-share-invitation/" + share.hashCode(), "LakeFormation-V4-x",
                share, sender, status);
    }

    @Test
    void newPendingSharesAreAppendedAfterTheOnesTheStackHas(@TempDir Path dir) throws Exception {
        SampleMesh.copyTo(dir);
        Path producer = dir.resolve("Pulumi.producer.yaml");
        Files.writeString(producer, Files.readString(producer) + "  datamesh:ramShareArns:\n    - " + KEPT + "\n");
        MeshPlan plan = MeshPlanner.plan(dir, AccountState.TYPICAL);
        var accounts = new FakeAccounts();
        accounts.invitations.put("222222222222", List.of(from("111111111111", KEPT, "PENDING"), from("111111111111", NEW, "PENDING"),
                from("111111111111", "arn:aws:ram:eu-west-1:111111111111:resource-share/accepted", "ACCEPTED"),
                from("444444444444", "arn:aws:ram:eu-west-1:444444444444:resource-share/foreign", "PENDING")));
        List<String> set = new ArrayList<>();
        var out = new StringWriter();
        var err = new StringWriter();

        int lost = ShareInvitations.accept(List.of(new ShareInvitations.Domain("producer", plan.settings().get("producer"),
                        new StackCredentials(Optional.empty(), Optional.empty()))), Optional.empty(), dir, accounts,
                (stack, path, value) -> set.add(stack + " " + path + " " + value), new PrintWriter(out), new PrintWriter(err));

        assertThat(lost).isZero();
        assertThat(set).containsExactly("producer datamesh:ramShareArns[1] " + NEW);
        assertThat(out.toString()).contains("ram-invitations: producer (222222222222): 2 pending invitation(s) from central account"
                + " 111111111111: [" + NEW + "]").contains("datamesh:ramShareArns set to [" + KEPT + ", " + NEW + "]");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void anExpiredInvitationWhoseShareWasInvitedAgainNeedsNoRemedy(@TempDir Path dir) throws Exception {
        var accounts = new FakeAccounts();
        accounts.invitations.put("333333333333", List.of(from("111111111111", NEW, "EXPIRED"), from("111111111111", NEW, "PENDING"),
                from("111111111111", KEPT, "REJECTED")));
        var err = new StringWriter();
        List<String> set = new ArrayList<>();

        int lost = ShareInvitations.accept(List.of(new ShareInvitations.Domain("consumer", SampleMesh.plan().settings().get("consumer"),
                        new StackCredentials(Optional.empty(), Optional.empty()))), Optional.empty(), dir, accounts,
                (stack, path, value) -> set.add(path + " " + value), new PrintWriter(new StringWriter()), new PrintWriter(err));

        assertThat(lost).isOne();
        assertThat(set).containsExactly("datamesh:ramShareArns[0] " + NEW);
        assertThat(err.toString()).contains("the invitation to share " + KEPT + " from central account 111111111111 is REJECTED")
                .doesNotContain("share " + NEW);
    }
}
