package io.datamesh.policy.rules.aws;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.resource.Props;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.engine.StackResources;
import io.datamesh.policy.engine.StackRule;
import io.datamesh.policy.engine.Violation;
import io.datamesh.policy.rules.DataBuckets;
import io.datamesh.resource.ResourceTypes;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * "Who read or wrote this object?" must have an answer for a bucket of data products. Either
 * audit trail counts: a CloudTrail trail whose advanced event selectors record every data event
 * on the bucket's objects (reads and writes alike), or S3 server access logging into another bucket.
 */
public final class S3DataBucketAuditTrail extends StackRule {
    private static final String OBJECT_TYPE = "AWS::S3::Object";

    public S3DataBucketAuditTrail() {
        super("s3-data-bucket-audit-trail", EnforcementLevel.MANDATORY,
                "Data buckets have an object-level audit trail: CloudTrail data events for all their objects, or server access logs.");
    }

    @Override
    public List<Violation> check(StackResources stack, RuleEnv env) {
        Set<String> accessLogged = new HashSet<>();
        for (var logging : stack.ofType(ResourceTypes.BUCKET_LOGGING)) {
            String bucket = logging.inputs().string("bucket").orElse("");
            String target = logging.inputs().string("targetBucket").orElse("");
            if (!target.isEmpty() && !target.equals(bucket)) {
                accessLogged.add(bucket);
            }
        }
        List<List<Props>> selectors = stack.ofType(ResourceTypes.CLOUDTRAIL_TRAIL).stream()
                .filter(t -> t.inputs().bool("enableLogging").orElse(true))
                .flatMap(t -> t.inputs().objects("advancedEventSelectors").stream())
                .map(s -> s.objects("fieldSelectors"))
                .toList();
        return eachResource(stack.ofType(ResourceTypes.BUCKET), b -> {
            String name = DataBuckets.dataBucketName(b.inputs()).orElse("");
            if (name.isEmpty() || accessLogged.contains(name)
                    || selectors.stream().anyMatch(s -> recordsEveryObjectEvent(s, name))) {
                return List.of();
            }
            return List.of(new Violation(b.urn(), "data bucket " + name + " has no CloudTrail trail recording every data event"
                    + " on its objects (advanced event selectors) and no server access logging into another bucket"));
        });
    }

    /**
     * Data events of S3 objects, of every object of the bucket (no {@code resources.ARN} field, or
     * one starting the bucket's object ARNs), and nothing else narrowing: no {@code readOnly},
     * {@code eventName} or other field that would leave some reads or writes out.
     */
    static boolean recordsEveryObjectEvent(List<Props> fields, String bucket) {
        String objects = "arn:aws:s3:::" + bucket + "/";
        boolean data = false;
        boolean objectType = false;
        for (Props f : fields) {
            String field = f.string("field").orElse("");
            boolean onlyEquals = Set.of("field", "equals").containsAll(keys(f));
            switch (field) {
                case "eventCategory" -> data = onlyEquals && f.strings("equals").equals(List.of("Data"));
                case "resources.type" -> objectType = onlyEquals && f.strings("equals").equals(List.of(OBJECT_TYPE));
                case "resources.ARN" -> {
                    boolean coversBucket = Set.of("field", "startsWiths").containsAll(keys(f))
                            && f.strings("startsWiths").stream().anyMatch(objects::startsWith);
                    if (!coversBucket) {
                        return false;
                    }
                }
                default -> {
                    return false;
                }
            }
        }
        return data && objectType;
    }

    private static Set<String> keys(Props field) {
        Set<String> present = new HashSet<>();
        for (String key : List.of("field", "equals", "notEquals", "startsWiths", "notStartsWiths", "endsWiths", "notEndsWiths")) {
            if (!field.strings(key).isEmpty() || field.string(key).isPresent()) {
                present.add(key);
            }
        }
        return present;
    }
}
