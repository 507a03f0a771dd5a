package io.datamesh.account;

import com.pulumi.aws.kms.Key;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.List;

/**
 * @param bucketName      the bucket's physical name
 * @param purpose         the {@code datamesh:purpose} tag (policies tell data buckets from others by it)
 * @param key             the customer key of the bucket's SSE-KMS default encryption
 * @param versioned       whether the bucket keeps old versions of its objects
 * @param retain          keep the bucket and every guard on destroy: a retained bucket must not lose
 *                        its encryption or public-access block when the stack goes away
 * @param allowStatements the bucket policy's statements besides the TLS-only deny every bucket gets
 */
public record SecureBucketArgs(String bucketName, String purpose, Key key, boolean versioned, boolean retain,
                               List<IamStatement> allowStatements) {
    public SecureBucketArgs {
        allowStatements = List.copyOf(allowStatements);
    }
}
