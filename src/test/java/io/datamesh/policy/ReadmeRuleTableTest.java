package io.datamesh.policy;

import io.datamesh.policy.engine.PolicyPack;
import io.datamesh.policy.engine.Rule;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's rule table is what users read before adopting the packs: it must match the code. */
class ReadmeRuleTableTest {
    @Test
    void everyRuleIsListedWithItsDefaultLevel() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (PolicyPack pack : PolicyPacks.all()) {
            assertThat(readme).contains("### " + pack.name());
            for (Rule rule : pack.rules()) {
                assertThat(readme).as("README row of %s", rule.name())
                        .containsPattern("\\| `" + rule.name() + "` \\| [a-z]+ \\| " + pack.levelOf(rule).configName() + " \\|");
            }
        }
    }
}
