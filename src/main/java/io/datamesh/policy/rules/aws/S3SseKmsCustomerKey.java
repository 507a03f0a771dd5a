package io.datamesh.policy.rules.aws;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.resource.Props;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.resource.ResourceTypes;
import java.util.ArrayList;
import java.util.List;

/** Lake Formation vends cross-account access only when the bucket's key policy can name the mesh roles. */
public final class S3SseKmsCustomerKey extends ResourceRule {
    public S3SseKmsCustomerKey() {
        super("s3-sse-kms-customer-key", EnforcementLevel.MANDATORY,
                "S3 buckets encrypt by default with SSE-KMS under a customer-managed key.",
                ResourceTypes.BUCKET_ENCRYPTION);
    }

    @Override
    public List<String> check(Props inputs, RuleEnv env) {
        List<Props> rules = inputs.objects("rules");
        if (rules.isEmpty()) {
            return List.of("no default encryption rule");
        }
        List<String> problems = new ArrayList<>();
        for (Props rule : rules) {
            String algorithm = rule.string("applyServerSideEncryptionByDefault", "sseAlgorithm").orElse("");
            String key = rule.string("applyServerSideEncryptionByDefault", "kmsMasterKeyId").orElse("");
            if (!algorithm.startsWith("aws:kms")) {
                problems.add("sseAlgorithm is '" + algorithm + "', expected aws:kms");
            } else if (key.isBlank() || key.endsWith("alias/aws/s3")) {
                problems.add("kmsMasterKeyId must name a customer-managed key, not the AWS-managed default");
            }
        }
        return problems;
    }
}
