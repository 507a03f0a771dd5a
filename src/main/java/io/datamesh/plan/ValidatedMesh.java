package io.datamesh.plan;

import io.datamesh.config.RawStackConfig;
import io.datamesh.config.SampleData;
import io.datamesh.config.StackSettings;
import io.datamesh.util.Ordered;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A mesh directory read and validated, before any stack is planned: every stack file parsed into
 * its settings and the references between them checked. A command that checks something beside
 * the plan (the sample files) starts from this and need not wait for the plan.
 *
 * @param configs each stack's raw config, in file order
 * @param settings each stack's validated settings, in file order
 * @param uploads each producer's sample files, resolved against its contracts
 * @param notes what the plan leaves out on purpose (see {@link MeshPlan#notes()})
 */
public record ValidatedMesh(Path dir, Map<String, RawStackConfig> configs, Map<String, StackSettings> settings,
                            Map<String, List<SampleData.Upload>> uploads, List<String> notes) {
    public ValidatedMesh {
        configs = Ordered.copy(configs);
        settings = Ordered.copy(settings);
        uploads = Ordered.copy(uploads);
        notes = List.copyOf(notes);
    }
}
