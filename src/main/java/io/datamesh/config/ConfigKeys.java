package io.datamesh.config;

import io.datamesh.util.NearestNames;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The full keys of a stack's configuration, before any value is read: a key in a namespace nobody
 * reads (a typo of {@code datamesh} or {@code aws}), an {@code aws:} key the provider does not
 * have, a key without a namespace, or a Pulumi secret where the mesh needs a plain value. Each
 * would otherwise be dropped without a word, and the setting it meant silently take its default.
 */
final class ConfigKeys {
    private static final String AWS = "aws";
    private static final String DATAMESH = StackConfigParser.NS.substring(0, StackConfigParser.NS.length() - 1);
    /** The aws provider's configuration keys, as the pulumi-aws Java SDK on the class path declares them. */
    private static final Set<String> AWS_KEYS = Arrays.stream(com.pulumi.aws.Config.class.getDeclaredMethods())
            .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0)
            .map(Method::getName).collect(Collectors.toCollection(TreeSet::new));
    /** Pulumi packages whose namespaces are a letter or two from {@code aws}: a user of them made no typo. */
    private static final Set<String> OTHER_PROVIDERS = Set.of("awsx", "tls", "aws-native", "aws-apigateway");

    private ConfigKeys() {
    }

    /**
     * Adds a problem for every key of {@code raw} that would be lost or misread.
     *
     * @param datameshKeys the {@code datamesh:} keys of the stack's role, for "did you mean"
     * @return the keys holding a secret, whose value no other check should read
     */
    static Set<String> check(RawStackConfig raw, Set<String> datameshKeys, List<ConfigProblem> problems) {
        Set<String> secrets = new TreeSet<>();
        raw.values().forEach((key, value) -> {
            int colon = key.indexOf(':');
            if (colon < 0) {
                problems.add(new ConfigProblem(key, "has no namespace: Pulumi refuses configuration keys not of the form"
                        + " <namespace>:<name> (sdk/go/common/resource/config/key.go)" + meant(key, datameshKeys)));
                return;
            }
            String namespace = key.substring(0, colon);
            String name = key.substring(colon + 1);
            if (namespace.equals(DATAMESH) || namespace.equals(AWS) && name.equals("region")) {
                secret(key, value).ifPresent(problem -> {
                    problems.add(problem);
                    secrets.add(key);
                });
            }
            if (namespace.equals(AWS) && !AWS_KEYS.contains(name)) {
                problems.add(new ConfigProblem(key, "is not a setting of the aws provider (as the pulumi-aws Java SDK declares them)"
                        + NearestNames.likelyMeant(name, AWS_KEYS).map(k -> "; did you mean aws:" + k + "?").orElse("")
                        + " (known: " + AWS_KEYS.stream().map(k -> AWS + ":" + k).toList() + ")"));
            } else if (!namespace.equals(DATAMESH) && !namespace.equals(AWS) && typoOf(namespace).isPresent()) {
                String meant = typoOf(namespace).get();
                problems.add(new ConfigProblem(key, "'" + namespace + "' is no namespace the mesh or its provider reads, so"
                        + " Pulumi would hand this setting to nobody; did you mean " + meant + ":" + name + "?"));
            }
        });
        return secrets;
    }

    /**
     * The namespace {@code namespace} is probably a typo of: a letter or two off {@code datamesh}, one
     * off or the letters of {@code aws} swapped. Other providers' namespaces near them are real.
     */
    private static Optional<String> typoOf(String namespace) {
        if (OTHER_PROVIDERS.contains(namespace)) {
            return Optional.empty();
        }
        String lower = namespace.toLowerCase(Locale.ROOT);
        if (NearestNames.distance(lower, DATAMESH) <= 2) {
            return Optional.of(DATAMESH);
        }
        boolean swapped = lower.length() == AWS.length() && sorted(lower).equals(sorted(AWS));
        return NearestNames.distance(lower, AWS) <= 1 || swapped ? Optional.of(AWS) : Optional.empty();
    }

    private static String sorted(String text) {
        return text.chars().sorted().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }

    private static String meant(String key, Set<String> datameshKeys) {
        if (datameshKeys.contains(key)) {
            return "; did you mean " + StackConfigParser.NS + key + "?";
        }
        if (AWS_KEYS.contains(key)) {
            return "; did you mean " + AWS + ":" + key + "?";
        }
        return NearestNames.likelyMeant(key, datameshKeys).map(k -> "; did you mean " + StackConfigParser.NS + k + "?")
                .orElse("");
    }

    /** A Pulumi secret in a mesh setting, which no offline reader can decrypt and none should hold. */
    private static Optional<ConfigProblem> secret(String key, String value) {
        return PulumiSecrets.pathIn(key, value).map(at -> new ConfigProblem(at, PulumiSecrets.UNREADABLE_OFFLINE + "; no"
                + " mesh setting is secret: they become resource names, tags and stack outputs that anyone who can read"
                + " the stack sees. Write the value in plain text"));
    }
}
