package io.datamesh.verify;

/** An AWS RAM resource share invitation received by an account. */
public record Invitation(String arn, String shareName, String shareArn, String senderAccountId, String status) {
    public boolean isPending() {
        return "PENDING".equals(status);
    }
}
