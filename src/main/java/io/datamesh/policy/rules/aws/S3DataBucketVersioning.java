package io.datamesh.policy.rules.aws;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.engine.StackResources;
import io.datamesh.policy.engine.StackRule;
import io.datamesh.policy.engine.Violation;
import io.datamesh.resource.ResourceTypes;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Data buckets (tag datamesh:purpose=data) hold the products themselves; versioning makes deletes recoverable. */
public final class S3DataBucketVersioning extends StackRule {
    public S3DataBucketVersioning() {
        super("s3-data-bucket-versioning", EnforcementLevel.ADVISORY,
                "Data buckets have versioning enabled.");
    }

    @Override
    public List<Violation> check(StackResources stack, RuleEnv env) {
        Set<String> versioned = stack.ofType(ResourceTypes.BUCKET_VERSIONING).stream()
                .filter(v -> v.inputs().string("versioningConfiguration", "status").orElse("").equals("Enabled"))
                .map(v -> v.inputs().string("bucket").orElse(""))
                .collect(Collectors.toSet());
        return eachResource(stack.ofType(ResourceTypes.BUCKET), b -> {
            if (!b.inputs().string("tags", "datamesh:purpose").orElse("").equals("data")
                    || versioned.contains(b.inputs().string("bucket").orElse(""))) {
                return List.of();
            }
            return List.of(new Violation(b.urn(), "data bucket " + b.inputs().string("bucket").orElse(b.resource().name())
                    + " has no BucketVersioningV2 with status Enabled"));
        });
    }
}
