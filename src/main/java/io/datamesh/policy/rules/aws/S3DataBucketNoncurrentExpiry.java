package io.datamesh.policy.rules.aws;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.engine.StackResources;
import io.datamesh.policy.engine.StackRule;
import io.datamesh.policy.engine.Violation;
import io.datamesh.policy.rules.BucketLifecycleRules;
import io.datamesh.policy.rules.DataBuckets;
import io.datamesh.resource.ResourceTypes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Versioning keeps every overwritten and deleted version: without an expiry, personal data that
 * was corrected or erased lives on in old versions, against the erasure a data subject asked for.
 */
public final class S3DataBucketNoncurrentExpiry extends StackRule {
    public S3DataBucketNoncurrentExpiry() {
        super("s3-data-bucket-noncurrent-expiry", EnforcementLevel.MANDATORY,
                "Data buckets expire noncurrent object versions within maximumDays.");
    }

    @Override
    public Map<String, Map<String, Object>> configSchema() {
        return Map.of("maximumDays", Map.of("type", "integer", "minimum", 1, "default", 365,
                "description", "The longest a noncurrent version of a data object may be kept."));
    }

    @Override
    public List<Violation> check(StackResources stack, RuleEnv env) {
        int maximum = env.config().number("maximumDays").map(Number::intValue).orElse(365);
        Map<String, Integer> shortestExpiry = new HashMap<>();
        for (var lifecycle : stack.ofType(ResourceTypes.BUCKET_LIFECYCLE)) {
            String bucket = lifecycle.inputs().string("bucket").orElse("");
            BucketLifecycleRules.wholeBucketRules(lifecycle.inputs()).forEach(r ->
                    r.number("noncurrentVersionExpiration", "noncurrentDays").map(Number::intValue)
                            .ifPresent(days -> shortestExpiry.merge(bucket, days, Math::min)));
        }
        return eachResource(stack.ofType(ResourceTypes.BUCKET), b -> {
            Optional<String> data = DataBuckets.dataBucketName(b.inputs());
            if (data.isEmpty()) {
                return List.of();
            }
            String name = data.get();
            Optional<Integer> days = Optional.ofNullable(shortestExpiry.get(name));
            if (days.isEmpty()) {
                return List.of(new Violation(b.urn(), "data bucket " + name
                        + " has no enabled whole-bucket lifecycle rule with noncurrentVersionExpiration"));
            }
            return days.get() > maximum ? List.of(new Violation(b.urn(), "data bucket " + name + " keeps noncurrent versions "
                    + days.get() + " days, more than maximumDays " + maximum)) : List.of();
        });
    }
}
