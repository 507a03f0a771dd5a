package io.datamesh.access;

import io.datamesh.plan.SampleMesh;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/access-explainer.md shows the sample's diagram; it must be what `./datamesh diagram` draws today. */
class DiagramDocTest {
    @Test
    void theDocsEmbedTheCurrentDiagramOfTheSampleMesh() throws IOException {
        String doc = Files.readString(Path.of("docs/access-explainer.md"));
        assertThat(doc).contains("```mermaid\n" + MeshDiagram.mermaid(SampleMesh.plan()).stripTrailing() + "\n```");
    }
}
