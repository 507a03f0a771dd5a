package io.datamesh.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A domain without analysts gets no Athena workgroup, results key or results bucket: nobody would query with them. */
class AthenaOnlyForAnalystsTest {
    @Test
    void aProducerWithoutAnalystsHasNoAthena(@TempDir Path dir) throws Exception {
        SampleMesh.copyTo(dir);
        Path producer = dir.resolve("Pulumi.producer.yaml");
        String yaml = Files.readString(producer);
        assertThat(yaml).contains("  datamesh:analysts:\n    - name: engineer\n");
        Files.writeString(producer, yaml.replace("  datamesh:analysts:\n    - name: engineer\n", ""));
        var plan = MeshPlanner.plan(dir, AccountState.TYPICAL);
        var stacks = plan.stacks().stream().collect(java.util.stream.Collectors.toMap(StackPlan::stack, s -> s));
        assertThat(stacks.get("producer").errors()).isEmpty();
        assertThat(stacks.get("producer").resources()).noneMatch(r -> r.type().startsWith("aws:athena/")
                || r.name().contains("athena"));
        assertThat(stacks.get("producer").outputs()).doesNotContainKey("athenaWorkgroup");
        assertThat(stacks.get("consumer").ofType("aws:athena/workgroup:Workgroup")).hasSize(1);
        assertThat(stacks.get("consumer").resources()).anyMatch(r -> r.name().endsWith("-athena-key"));
    }
}
