package io.datamesh.policy.rules.aws;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.engine.StackResources;
import io.datamesh.policy.engine.StackRule;
import io.datamesh.policy.engine.Violation;
import io.datamesh.resource.ResourceTypes;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A log group Glue creates on the first crawl has no retention and no key of the stack's
 * choosing. The stack declares the group the crawler writes to instead: {@code
 * /aws-glue/crawlers-role/<role path and name>-<security configuration>} when the crawler's
 * security configuration encrypts CloudWatch logs (or is not in the stack, so cannot be read),
 * else {@code /aws-glue/crawlers}.
 */
public final class GlueCrawlerLogGroupDeclared extends StackRule {
    public GlueCrawlerLogGroupDeclared() {
        super("glue-crawler-log-group-declared", EnforcementLevel.MANDATORY,
                "The stack declares the CloudWatch log group each Glue crawler writes to.");
    }

    @Override
    public List<Violation> check(StackResources stack, RuleEnv env) {
        Set<String> groups = new HashSet<>();
        stack.ofType(ResourceTypes.LOG_GROUP).forEach(g -> g.inputs().string("name").ifPresent(groups::add));
        Set<String> unencrypted = new HashSet<>();
        stack.ofType(ResourceTypes.GLUE_SECURITY_CONFIGURATION).forEach(c -> {
            String mode = c.inputs().string("encryptionConfiguration", "cloudwatchEncryption", "cloudwatchEncryptionMode")
                    .orElse("DISABLED");
            if (!mode.equals("SSE-KMS")) {
                c.inputs().string("name").ifPresent(unencrypted::add);
            }
        });
        return eachResource(stack.ofType(ResourceTypes.GLUE_CRAWLER), crawler -> {
            String configuration = crawler.inputs().string("securityConfiguration").orElse("");
            String role = crawler.inputs().string("role").orElse("");
            String expected = configuration.isEmpty() || unencrypted.contains(configuration) ? "/aws-glue/crawlers"
                    : "/aws-glue/crawlers-role/" + rolePathAndName(role) + "-" + configuration;
            return groups.contains(expected) ? List.of() : List.of(new Violation(crawler.urn(), "crawler "
                    + crawler.inputs().string("name").orElse(crawler.resource().name()) + " writes to log group "
                    + expected + ", which the stack does not declare"));
        });
    }

    /** A role ARN's path and name ({@code service-role/x} of {@code arn:aws:iam::1:role/service-role/x}); a name as is. */
    static String rolePathAndName(String role) {
        int at = role.indexOf(":role/");
        return at < 0 ? role : role.substring(at + ":role/".length());
    }
}
