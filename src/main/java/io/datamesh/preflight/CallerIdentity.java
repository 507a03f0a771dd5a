package io.datamesh.preflight;

import software.amazon.awssdk.services.sts.StsClient;

import java.util.Optional;
import java.util.regex.Pattern;

/** Who a stack's credentials are, as STS GetCallerIdentity answers. */
public record CallerIdentity(String account, String arn) {
    private static final Pattern ASSUMED_ROLE = Pattern.compile("arn:(aws[\\w-]*):sts::(\\d{12}):assumed-role/([^/]+)/.+");
    private static final Pattern USER_OR_ROLE = Pattern.compile("arn:aws[\\w-]*:iam::\\d{12}:(user|role)/.+");

    /** STS GetCallerIdentity of the client's credentials. */
    public static CallerIdentity of(StsClient sts) {
        var identity = sts.getCallerIdentity();
        return new CallerIdentity(identity.account(), identity.arn());
    }

    /**
     * The principal IAM's policy simulator takes for these credentials: a session's role, or the user. The
     * root user and federated sessions have no policies to simulate. An assumed-role ARN drops the
     * role's path, so a role with a path is named without it (the simulator then does not find it).
     */
    public Optional<String> simulatedPrincipal() {
        var assumed = ASSUMED_ROLE.matcher(arn);
        if (assumed.matches()) {
            return Optional.of("arn:" + assumed.group(1) + ":iam::" + assumed.group(2) + ":role/" + assumed.group(3));
        }
        return USER_OR_ROLE.matcher(arn).matches() ? Optional.of(arn) : Optional.empty();
    }
}
