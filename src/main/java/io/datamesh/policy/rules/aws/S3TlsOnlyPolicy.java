package io.datamesh.policy.rules.aws;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.resource.Props;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.rules.IamPatterns;
import io.datamesh.policy.rules.PolicyDocument;
import io.datamesh.policy.rules.PolicyDocument.Statement;
import io.datamesh.resource.ResourceTypes;

import java.util.List;
import java.util.Optional;

/**
 * The bucket policy denies every request without TLS: a Deny to principal {@code *} of every S3
 * action on the bucket and its objects, with {@code Bool} (or {@code BoolIfExists})
 * {@code aws:SecureTransport = false} and no {@code Not*} element. A Deny narrowed to one
 * principal, one action or the bucket alone leaves other requests open over plain HTTP.
 * {@code PolicyDocuments.denyInsecureTransport} writes exactly this statement.
 */
public final class S3TlsOnlyPolicy extends ResourceRule {
    /** A Deny with BoolIfExists also denies requests that lack the key, so it is as strict or stricter. */
    private static final List<String> TLS_OPERATORS = List.of("Bool", "BoolIfExists");
    private static final List<String> PARTITIONS = List.of("aws", "aws-cn", "aws-us-gov");

    public S3TlsOnlyPolicy() {
        super("s3-tls-only-policy", EnforcementLevel.MANDATORY,
                "S3 bucket policies deny requests without TLS (aws:SecureTransport = false).",
                ResourceTypes.BUCKET_POLICY);
    }

    @Override
    public List<String> check(Props inputs, RuleEnv env) {
        Optional<PolicyDocument> policy = PolicyDocument.read(inputs, "policy");
        if (policy.flatMap(PolicyDocument::problem).isPresent()) {
            return List.of(policy.get().problem().get());
        }
        Optional<String> bucket = inputs.string("bucket").filter(b -> !b.isBlank());
        List<Statement> tlsDenies = policy.stream().flatMap(doc -> doc.statements().stream())
                .filter(s -> !s.allow() && s.hasCondition(TLS_OPERATORS, "aws:SecureTransport", "false"))
                .toList();
        if (tlsDenies.isEmpty()) {
            return List.of("no Deny statement with condition Bool aws:SecureTransport = false");
        }
        List<Statement> whole = tlsDenies.stream().filter(S3TlsOnlyPolicy::everyoneEveryAction).toList();
        // The bucket and its objects may be denied by one statement or by two.
        boolean bucketDenied = whole.stream().anyMatch(s -> s.resources().stream().anyMatch(r -> coversBucket(r, bucket)));
        boolean objectsDenied = whole.stream().anyMatch(s -> s.resources().stream().anyMatch(r -> coversObjects(r, bucket)));
        if (bucketDenied && objectsDenied) {
            return List.of();
        }
        String target = bucket.map(b -> "arn:aws:s3:::" + b + " and arn:aws:s3:::" + b + "/*").orElse("every bucket and object");
        return List.of("the Deny on aws:SecureTransport = false is narrowed: it must apply to principal *, action s3:* (or *) "
                + "and resources " + target + ", with no NotPrincipal, NotAction or NotResource");
    }

    private static boolean everyoneEveryAction(Statement s) {
        boolean everyone = s.principals().stream()
                .anyMatch(p -> p.isWildcard() && (p.type().equals("*") || p.type().equals("AWS")));
        boolean everyAction = s.actions().stream().anyMatch(a -> IamPatterns.coversPrefix(a, "s3:", false));
        return everyone && everyAction
                && s.notPrincipals().isEmpty() && s.notActions().isEmpty() && s.notResources().isEmpty();
    }

    /** The bucket's ARN; with no bucket name known, every bucket. */
    private static boolean coversBucket(String resource, Optional<String> bucket) {
        return PARTITIONS.stream().anyMatch(p -> bucket
                .map(b -> IamPatterns.matches(resource, "arn:" + p + ":s3:::" + b))
                .orElseGet(() -> IamPatterns.coversPrefix(resource, "arn:" + p + ":s3:::", false)));
    }

    /** Every object of the bucket ({@code bucket/*}, {@code arn:aws:s3:::*}, {@code *}, …). */
    private static boolean coversObjects(String resource, Optional<String> bucket) {
        return PARTITIONS.stream().anyMatch(p -> IamPatterns.coversPrefix(resource,
                "arn:" + p + ":s3:::" + bucket.map(b -> b + "/").orElse(""), false));
    }
}
