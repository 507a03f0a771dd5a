package io.datamesh.policy.rules.aws;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.engine.StackResources;
import io.datamesh.policy.engine.StackRule;
import io.datamesh.policy.engine.Violation;
import io.datamesh.resource.ResourceTypes;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Data buckets (tag datamesh:purpose=data) hold the products themselves, audit-log buckets
 * (datamesh:purpose=audit-logs) the evidence of who read them; versioning makes a delete or an
 * overwrite of either recoverable (checkov CKV_AWS_21). The rule keeps its first name, which
 * policy configs already use.
 */
public final class S3DataBucketVersioning extends StackRule {
    /** The versioned purposes, as their buckets are called in a finding. */
    private static final Map<String, String> VERSIONED = Map.of("data", "data bucket", "audit-logs", "audit-log bucket");

    public S3DataBucketVersioning() {
        super("s3-data-bucket-versioning", EnforcementLevel.ADVISORY,
                "Data and audit-log buckets have versioning enabled.");
    }

    @Override
    public List<Violation> check(StackResources stack, RuleEnv env) {
        Set<String> versioned = stack.ofType(ResourceTypes.BUCKET_VERSIONING).stream()
                .filter(v -> v.inputs().string("versioningConfiguration", "status").orElse("").equals("Enabled"))
                .map(v -> v.inputs().string("bucket").orElse(""))
                .collect(Collectors.toSet());
        return eachResource(stack.ofType(ResourceTypes.BUCKET), b -> {
            String kind = VERSIONED.get(b.inputs().string("tags", "datamesh:purpose").orElse(""));
            if (kind == null || versioned.contains(b.inputs().string("bucket").orElse(""))) {
                return List.of();
            }
            return List.of(new Violation(b.urn(), kind + " " + b.inputs().string("bucket").orElse(b.resource().name())
                    + " has no BucketVersioningV2 with status Enabled"));
        });
    }
}
