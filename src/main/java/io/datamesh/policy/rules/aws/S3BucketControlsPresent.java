package io.datamesh.policy.rules.aws;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.engine.StackResources;
import io.datamesh.policy.engine.StackRule;
import io.datamesh.policy.engine.Violation;
import io.datamesh.resource.ResourceTypes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The per-resource S3 rules only see side resources that exist; this rule catches a bucket that
 * has none, which would otherwise pass every check. Auto-named buckets (no {@code bucket} input)
 * cannot be matched by name and are skipped.
 */
public final class S3BucketControlsPresent extends StackRule {
    private static final Map<String, String> REQUIRED = Map.of(
            ResourceTypes.BUCKET_ENCRYPTION, "default encryption",
            ResourceTypes.BUCKET_PUBLIC_ACCESS_BLOCK, "public access block",
            ResourceTypes.BUCKET_OWNERSHIP, "ownership controls",
            ResourceTypes.BUCKET_POLICY, "bucket policy");

    public S3BucketControlsPresent() {
        super("s3-bucket-controls-present", EnforcementLevel.MANDATORY,
                "Every S3 bucket has default encryption, a public access block, ownership controls and a bucket policy.");
    }

    @Override
    public List<Violation> check(StackResources stack, RuleEnv env) {
        Map<String, Set<String>> bucketsWith = new HashMap<>();
        REQUIRED.keySet().forEach(type -> bucketsWith.put(type, bucketsWith(stack, type)));
        return eachResource(stack.ofType(ResourceTypes.BUCKET), bucket -> {
            String name = bucket.inputs().string("bucket").orElse("");
            if (name.isEmpty()) {
                return List.of();
            }
            List<String> missing = REQUIRED.entrySet().stream()
                    .filter(required -> !bucketsWith.get(required.getKey()).contains(name))
                    .map(Map.Entry::getValue)
                    .sorted()
                    .toList();
            return missing.isEmpty() ? List.of()
                    : List.of(new Violation(bucket.urn(), "bucket " + name + " has no " + String.join(", ", missing)));
        });
    }

    private static Set<String> bucketsWith(StackResources stack, String type) {
        return stack.ofType(type).stream().map(r -> r.inputs().string("bucket").orElse("")).collect(Collectors.toSet());
    }
}
