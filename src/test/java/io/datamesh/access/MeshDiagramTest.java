package io.datamesh.access;

import io.datamesh.plan.AccountState;
import io.datamesh.plan.MeshPlanner;
import io.datamesh.scale.MeshGenerator;
import io.datamesh.scale.MeshShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The diagram of a generated mesh of 2 producers × 2 consumers: short edge labels, each expression once, tags shown. */
class MeshDiagramTest {
    private static final Pattern EDGE_LABEL = Pattern.compile("-->\\|\"([^\"]*)\"\\|");

    @Test
    void twoProducersTimesTwoConsumersStayReadable(@TempDir Path dir) throws Exception {
        MeshGenerator.write(new MeshShape(2, 2, 4, 2, 1), dir);
        String mermaid = MeshDiagram.mermaid(MeshPlanner.plan(dir, AccountState.TYPICAL));
        List<String> lines = mermaid.lines().toList();

        Matcher labels = EDGE_LABEL.matcher(mermaid);
        int edges = 0;
        while (labels.find()) {
            edges++;
            assertThat(labels.group(1)).as("edge labels carry permissions, not expressions").hasSizeLessThanOrEqualTo(40)
                    .doesNotContain(" where ");
        }
        assertThat(edges).isGreaterThan(8);
        // Each grant expression is one node, however many roles it is granted to.
        List<String> expressions = lines.stream().filter(l -> l.trim().startsWith("expr_") && !l.contains("-->")).map(l -> l.substring(l.indexOf("{{"))).toList();
        assertThat(expressions).doesNotHaveDuplicates().contains("{{\"TABLE where domain in [d1] AND pii in [false]\"}}");
        assertThat(lines.stream().filter(l -> l.contains("-->") && l.trim().startsWith("expr_"))).hasSizeGreaterThan(expressions.size());
        // One subgraph per database, labelled with its tags; tables show their columns' tags.
        assertThat(lines).anyMatch(l -> l.trim().startsWith("subgraph db_") && l.contains("database d1: domain=d1"));
        assertThat(lines).anyMatch(l -> l.trim().startsWith("table_") && l.contains(": pii=true"));
    }
}
