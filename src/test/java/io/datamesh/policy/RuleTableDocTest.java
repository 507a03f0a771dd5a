package io.datamesh.policy;

import io.datamesh.policy.engine.PolicyPack;
import io.datamesh.policy.engine.Rule;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule tables of docs/policy-rules.md are what users read before adopting the packs: they must match the code. */
class RuleTableDocTest {
    @Test
    void everyRuleIsListedWithItsDefaultLevel() throws IOException {
        String doc = Files.readString(Path.of("docs/policy-rules.md"));
        for (PolicyPack pack : PolicyPacks.all()) {
            assertThat(doc).contains("### " + pack.name());
            for (Rule rule : pack.rules()) {
                assertThat(doc).as("docs/policy-rules.md row of %s", rule.name())
                        .containsPattern("\\| `" + rule.name() + "` \\| [a-z]+ \\| " + pack.levelOf(rule).configName() + " \\|");
            }
        }
    }
}
