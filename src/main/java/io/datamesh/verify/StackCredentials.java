package io.datamesh.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamesh.config.ConfigProblem;
import io.datamesh.config.RawStackConfig;
import io.datamesh.plan.InvalidMeshException;
import io.datamesh.plan.StackFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The credentials a stack is deployed with, read from the same provider keys `pulumi up` uses, so
 * verify reads each account as its deployment wrote it: {@code aws:profile} (a named profile of the
 * shared AWS config files) and/or {@code aws:assumeRole} ({@code roleArn}, optional
 * {@code externalId} and {@code sessionName}), assumed with the profile's or the default credentials.
 */
public record StackCredentials(Optional<String> profile, Optional<AssumeRole> assumeRole) {
    public static final String PROFILE = "aws:profile";
    public static final String ASSUME_ROLE = "aws:assumeRole";
    private static final ObjectMapper JSON = new ObjectMapper();

    public record AssumeRole(String roleArn, Optional<String> externalId, Optional<String> sessionName) {
    }

    /**
     * Every selected stack's credentials (all stacks if none is selected), read from the stack files
     * before anything is planned, or every problem with the two keys in any of them.
     */
    public static Map<String, StackCredentials> readAll(Path dir, Set<String> selected) throws InvalidMeshException {
        Map<String, StackCredentials> credentials = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        try {
            String project = StackFiles.projectName(dir);
            for (String stack : StackFiles.stackNames(dir)) {
                if (selected.isEmpty() || selected.contains(stack)) {
                    RawStackConfig raw = StackFiles.load(dir, project, stack);
                    List<ConfigProblem> found = new ArrayList<>();
                    credentials.put(stack, parse(raw, found));
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

    /** The stack's credentials, or every problem with the two keys. */
    public static StackCredentials parse(RawStackConfig raw, List<ConfigProblem> problems) {
        Optional<String> profile = raw.get(PROFILE).map(String::trim).filter(p -> !p.isEmpty());
        Optional<AssumeRole> assume = raw.get(ASSUME_ROLE).flatMap(text -> assumeRole(text, problems));
        return new StackCredentials(profile, assume);
    }

    private static Optional<AssumeRole> assumeRole(String text, List<ConfigProblem> problems) {
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
        return found.isEmpty() ? Optional.of(new AssumeRole(roleArn, text(node, "externalId"), text(node, "sessionName")))
                : Optional.empty();
    }

    private static Optional<String> text(JsonNode node, String field) {
        return Optional.ofNullable(node.get(field)).map(JsonNode::asText).filter(s -> !s.isBlank());
    }
}
