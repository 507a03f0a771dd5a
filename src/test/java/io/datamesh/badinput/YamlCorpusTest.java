package io.datamesh.badinput;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static io.datamesh.badinput.BadInputCase.planned;
import static io.datamesh.badinput.BadInputCase.refused;

/**
 * Issue 18, class 3: the YAML of a stack file. A key given twice, a top level that is no map, a key
 * outside {@code config:} or without a namespace, a namespace one letter off, a file that is no UTF-8
 * text, one nested without end, a secret: each named as what it is, with the key meant.
 */
class YamlCorpusTest extends CorpusTest {
    private static final String CONSUMER = "Pulumi.consumer.yaml";
    private static final String PRODUCER = "Pulumi.producer.yaml";

    static Stream<BadInputCase> cases() {
        return Stream.of(
                refused("a top-level key given twice", m -> m.replace(CONSUMER, "  datamesh:domain: marketing\n",
                        "  datamesh:domain: marketing\n  datamesh:domain: marketing2\n"),
                        CONSUMER + ":6: config.datamesh:domain: is given twice (also on line 5)", "keep one"),
                refused("a nested key given twice", m -> m.replace(CONSUMER, "    resultsExpirationDays: 30",
                        "    resultsExpirationDays: 30\n    resultsExpirationDays: 3650"),
                        "config.datamesh:athena.resultsExpirationDays: is given twice"),
                refused("a key given twice inside a list element", m -> m.replace(CONSUMER, "    - name: analyst",
                        "    - name: analyst\n      name: admin"), "config.datamesh:analysts[0].name: is given twice"),
                refused("config given twice", m -> m.append(CONSUMER, "config:", "  aws:region: eu-west-2"),
                        CONSUMER + ":21: config: is given twice (also on line 2)"),
                refused("every duplicate at once", m -> m.replace(CONSUMER, "  datamesh:domain: marketing\n",
                        "  datamesh:domain: marketing\n  datamesh:domain: x\n  datamesh:domain: y\n"),
                        ":6: config.datamesh:domain: is given twice (also on line 5)", ":7: config.datamesh:domain: is given twice (also on line 5)"),
                refused("a top level that is a list", m -> m.write(CONSUMER, "- config: {}\n"),
                        CONSUMER + ": must be a map with a config: key (the stack's settings), got a list"),
                refused("a top level that is a scalar", m -> m.write(CONSUMER, "hello\n"),
                        CONSUMER + ": must be a map with a config: key", "got 'hello'"),
                refused("config that is a list", m -> m.write(CONSUMER, "config:\n  - datamesh:role: consumer\n"),
                        CONSUMER + ": config: must be a map of <namespace>:<key> settings, got a list"),
                refused("a key outside config", m -> m.append(CONSUMER, "datamesh:ramShareArns: []"),
                        CONSUMER + ": datamesh:ramShareArns: is outside config:, where Pulumi does not read it"),
                refused("a misspelt config", m -> m.replace(CONSUMER, "config:", "confg:"),
                        CONSUMER + ": confg: is not a key of a Pulumi stack file; did you mean config?"),
                refused("an ESC environment", m -> m.append(CONSUMER, "environment:", "  - mesh/prod"),
                        CONSUMER + ": environment: Pulumi ESC environments are not read by the offline plan"),
                refused("a key without namespace", m -> m.replace(CONSUMER, "  datamesh:role: consumer", "  role: consumer"),
                        CONSUMER + ": role: has no namespace: Pulumi refuses configuration keys not of the form"
                                + " <namespace>:<name>", "did you mean datamesh:role?"),
                refused("an aws key without namespace", m -> m.replace(CONSUMER, "  aws:region: eu-west-1", "  region: eu-west-1"),
                        CONSUMER + ": region: has no namespace", "did you mean aws:region?"),
                refused("a namespace typo of datamesh", m -> m.replace(CONSUMER, "  datamesh:analysts:", "  datamsh:analysts:"),
                        CONSUMER + ": datamsh:analysts: 'datamsh' is no namespace the mesh or its provider reads",
                        "did you mean datamesh:analysts?"),
                refused("a namespace typo in upper case", m -> m.replace(CONSUMER, "  datamesh:analysts:", "  Datamesh:analysts:"),
                        "did you mean datamesh:analysts?"),
                refused("a namespace typo of aws", m -> m.replace(CONSUMER, "  aws:region:", "  asw:region:"),
                        CONSUMER + ": asw:region: 'asw' is no namespace", "did you mean aws:region?"),
                planned("another provider's namespace near aws", m -> m.append(CONSUMER, "  tls:algorithm: RSA",
                        "  awsx:x: y"), "3 stack(s) planned"),
                refused("an unknown aws key", m -> m.append(CONSUMER, "  aws:regoin: eu-west-2"),
                        CONSUMER + ": aws:regoin: is not a setting of the aws provider", "did you mean aws:region?"),
                refused("a datamesh key in the old config: form, misspelt", m -> m.append(CONSUMER, "  datamesh:config:namePrefx: x"),
                        CONSUMER + ": datamesh:namePrefx: is not a setting"),
                refused("a secret datamesh value", m -> m.replace(CONSUMER, "  datamesh:accountId: \"333333333333\"",
                        "  datamesh:accountId:\n    secure: v1:abcdefghijklmnop"),
                        CONSUMER + ": datamesh:accountId: is a Pulumi secret (secure:), which the offline plan cannot decrypt",
                        "Write the value in plain text").never("must be a single value", "is required"),
                refused("a secret nested in a datamesh value", m -> m.replace(CONSUMER, "    resultsExpirationDays: 30",
                        "    resultsExpirationDays:\n      secure: v1:abc"),
                        "datamesh:athena.resultsExpirationDays: is a Pulumi secret").never("must be a whole number"),
                refused("a secret region", m -> m.replace(CONSUMER, "  aws:region: eu-west-1", "  aws:region:\n    secure: v1:x"),
                        CONSUMER + ": aws:region: is a Pulumi secret").never("is not an AWS region name"),
                refused("a NUL byte: binary", m -> m.writeBytes(CONSUMER, "config:\n  aws:region: eu\u0000west-1\n"
                        .getBytes(StandardCharsets.UTF_8)), CONSUMER + ": is binary, not YAML text (a NUL byte at line 2, column 17)"),
                refused("Latin-1 text", m -> m.writeBytes(CONSUMER, "# caf\u00e9\nconfig: {}\n".getBytes(StandardCharsets.ISO_8859_1)),
                        CONSUMER + ": is not UTF-8 text (byte 0xE9 at line 1, column 6", "save it as UTF-8"),
                refused("UTF-16 text", m -> m.writeBytes(CONSUMER, "config: {}\n".getBytes(StandardCharsets.UTF_16)),
                        CONSUMER + ": is UTF-16 text", "save it as UTF-8"),
                refused("a control character in the text", m -> m.replace(CONSUMER, "# The marketing", "# The \u0007marketing"),
                        CONSUMER + ":1:7: not valid YAML (character U+0007 is not allowed"),
                refused("nesting too deep", m -> m.append(CONSUMER, "  datamesh:x: " + "[".repeat(60) + "]".repeat(60)),
                        CONSUMER + ":", "it nests deeper than 32 levels"),
                refused("an alias bomb", m -> m.write(CONSUMER, bomb()), CONSUMER, "more than 10 aliases"),
                refused("a second YAML document", m -> m.append(CONSUMER, "---", "config:", "  datamesh:role: central"),
                        CONSUMER + ":22: is a second YAML document", "remove it"),
                refused("unbalanced brackets", m -> m.replace(CONSUMER, "[sales]", "[sales"), CONSUMER + ":", "not valid YAML"),
                refused("a tab for indentation", m -> m.replace(CONSUMER, "  datamesh:role: consumer", "\tdatamesh:role: consumer"),
                        CONSUMER + ":", "not valid YAML"),
                refused("a YAML tag asking for an application type", m -> m.replace(CONSUMER, "  datamesh:domain: marketing",
                        "  datamesh:domain: !java.net.URL marketing"), CONSUMER + ":5: config.datamesh:domain: has the YAML tag"
                        + " !java.net.URL, which neither Pulumi nor the mesh reads"),
                refused("an empty stack file", m -> m.write(CONSUMER, ""), CONSUMER + ": datamesh:role: is required"),
                refused("a binary file named as a producer", m -> m.writeBytes(PRODUCER, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1}),
                        PRODUCER + ": is binary, not YAML text"));
    }

    /** The "billion laughs": nine levels of aliases, each ten times the last. */
    private static String bomb() {
        StringBuilder yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            char p = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*").append(p)
                    .append(",*").append(p).append(",*").append(p).append(",*").append(p).append("]\n");
        }
        return yaml + "config: {}\n";
    }
}
