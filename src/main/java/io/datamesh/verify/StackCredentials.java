package io.datamesh.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamesh.config.ConfigProblem;
import io.datamesh.config.PulumiSecrets;
import io.datamesh.config.RawStackConfig;
import io.datamesh.plan.InvalidMeshException;
import io.datamesh.plan.StackFiles;
import io.datamesh.util.ShellQuote;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The credentials a stack is deployed with, read from the same provider keys `pulumi up` uses, so
 * verify reads each account as its deployment wrote it: {@code aws:profile} (a named profile of the
 * shared AWS config files) and/or {@code aws:assumeRole} ({@code roleArn}, optional
 * {@code externalId} and {@code sessionName}), assumed with the profile's or the default credentials.
 * An external id may be a Pulumi secret, which verify cannot decrypt: it then reads it from
 * {@link #externalIdVariable the stack's environment variable}.
 */
public record StackCredentials(Optional<String> profile, Optional<AssumeRole> assumeRole) {
    public static final String PROFILE = "aws:profile";
    public static final String ASSUME_ROLE = "aws:assumeRole";
    private static final String EXTERNAL_ID = ASSUME_ROLE + ".externalId";
    private static final ObjectMapper JSON = new ObjectMapper();

    public record AssumeRole(String roleArn, Optional<String> externalId, Optional<String> sessionName) {
    }

    /**
     * Every selected stack's credentials (all stacks if none is selected), read from the stack files
     * before anything is planned, or every problem with the two keys in any of them.
     */
    public static Map<String, StackCredentials> readAll(Path dir, Set<String> selected, Function<String, String> env)
            throws InvalidMeshException {
        Map<String, StackCredentials> credentials = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        try {
            String project = StackFiles.projectName(dir);
            for (String stack : StackFiles.stackNames(dir)) {
                if (selected.isEmpty() || selected.contains(stack)) {
                    RawStackConfig raw = StackFiles.load(dir, project, stack);
                    List<ConfigProblem> found = new ArrayList<>();
                    credentials.put(stack, parse(raw, env, found));
                    found.forEach(p -> problems.add(raw.source() + ": " + p));
                }
            }
        } catch (StackFiles.UnreadableException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new InvalidMeshException(problems);
        }
        return credentials;
    }

    /**
     * The stack's credentials, or every problem with the two keys.
     *
     * @param env the environment, for an external id kept secret
     */
    public static StackCredentials parse(RawStackConfig raw, Function<String, String> env, List<ConfigProblem> problems) {
        Optional<String> profile = raw.get(PROFILE).filter(text -> plain(PROFILE, text, problems))
                .map(String::trim).filter(p -> !p.isEmpty());
        Optional<String> secretExternalId = Optional.empty();
        Optional<String> secret = raw.get(ASSUME_ROLE).flatMap(text -> PulumiSecrets.pathIn(ASSUME_ROLE, text));
        if (secret.isPresent() && secret.get().equals(EXTERNAL_ID)) {
            String variable = externalIdVariable(raw.stack());
            secretExternalId = Optional.ofNullable(env.apply(variable)).filter(s -> !s.isBlank());
            if (secretExternalId.isEmpty()) {
                problems.add(new ConfigProblem(EXTERNAL_ID, PulumiSecrets.UNREADABLE_OFFLINE + "; verify reads it from "
                        + variable + " instead: export " + variable + "=\"$(pulumi config get --path " + EXTERNAL_ID + " -s "
                        + ShellQuote.quote(raw.stack()) + ")\""));
                return new StackCredentials(profile, Optional.empty());
            }
        } else if (secret.isPresent()) {
            problems.add(new ConfigProblem(secret.get(), PulumiSecrets.UNREADABLE_OFFLINE + "; write it in plain text"
                    + " (only " + EXTERNAL_ID + " may be a secret)"));
            return new StackCredentials(profile, Optional.empty());
        }
        Optional<String> externalId = secretExternalId;
        Optional<AssumeRole> assume = raw.get(ASSUME_ROLE).flatMap(text -> assumeRole(text, externalId, problems));
        return new StackCredentials(profile, assume);
    }

    /** The variable verify reads a secret external id from: one per stack, since each account has its own. */
    static String externalIdVariable(String stack) {
        return "DATAMESH_VERIFY_EXTERNAL_ID_" + stack.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private static boolean plain(String key, String text, List<ConfigProblem> problems) {
        Optional<String> secret = PulumiSecrets.pathIn(key, text);
        secret.ifPresent(at -> problems.add(new ConfigProblem(at, PulumiSecrets.UNREADABLE_OFFLINE + "; write it in plain text"
                + " (a profile's name is no secret)")));
        return secret.isEmpty();
    }

    /** @param secretExternalId the external id from the environment, where the stack file keeps it secret */
    private static Optional<AssumeRole> assumeRole(String text, Optional<String> secretExternalId, List<ConfigProblem> problems) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (IOException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            problems.add(new ConfigProblem(ASSUME_ROLE, "must be an object with roleArn (and optionally externalId, sessionName)"));
            return Optional.empty();
        }
        List<ConfigProblem> found = new ArrayList<>();
        String roleArn = node.path("roleArn").asText("");
        if (!roleArn.matches("arn:aws[\\w-]*:iam::\\d{12}:role/.+")) {
            found.add(new ConfigProblem(ASSUME_ROLE + ".roleArn", "must be an IAM role ARN, got '" + roleArn + "'"));
        }
        node.fieldNames().forEachRemaining(f -> {
            if (!List.of("roleArn", "externalId", "sessionName").contains(f)) {
                found.add(new ConfigProblem(ASSUME_ROLE + "." + f, "is not supported by datamesh verify (roleArn, externalId, sessionName)"));
            }
        });
        problems.addAll(found);
        if (!found.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> externalId = secretExternalId.isPresent() ? secretExternalId : text(node, "externalId");
        return Optional.of(new AssumeRole(roleArn, externalId, text(node, "sessionName")));
    }

    private static Optional<String> text(JsonNode node, String field) {
        return Optional.ofNullable(node.get(field)).map(JsonNode::asText).filter(s -> !s.isBlank());
    }
}
