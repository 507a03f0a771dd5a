package io.datamesh.policy.rules.mesh;

import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.resource.Props;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.policy.rules.MeshConfig;
import io.datamesh.resource.ResourceTypes;

import java.util.List;

/** One ontology for the mesh: a tag defined in a domain account would not match central grants. */
public final class LfTagsOnlyInCentral extends ResourceRule {
    public LfTagsOnlyInCentral() {
        super("lf-tags-only-in-central", EnforcementLevel.MANDATORY,
                "LF-tags are defined only in the central governance stack.",
                ResourceTypes.LF_TAG);
    }

    @Override
    public List<String> check(Props inputs, RuleEnv env) {
        MeshConfig mesh = MeshConfig.of(env.context());
        if (mesh.role().isEmpty() || mesh.hasRole("central")) {
            return List.of();
        }
        return List.of("LF-tag " + inputs.string("key").orElse("?") + " is defined in a " + mesh.role().get()
                + " stack; define it in the central stack and grant DESCRIBE/ASSOCIATE instead");
    }
}
