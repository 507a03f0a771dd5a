package io.datamesh.access;

import io.datamesh.plan.SampleMesh;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The README shows the sample's diagram; it must be what `./datamesh diagram` draws today. */
class ReadmeDiagramTest {
    @Test
    void readmeEmbedsTheCurrentDiagramOfTheSampleMesh() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).contains("```mermaid\n" + MeshDiagram.mermaid(SampleMesh.plan()).stripTrailing() + "\n```");
    }
}
