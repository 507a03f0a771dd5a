package io.datamesh.central;

import com.pulumi.aws.lakeformation.LfTag;
import com.pulumi.aws.lakeformation.LfTagArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.Resource;
import io.datamesh.account.ChildOf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The LF-tags of the mesh and their allowed values, made after the settings write that made the
 * deployer a Lake Formation admin. Every tag assignment and tag grant waits for its tag.
 */
public final class TagOntology extends ComponentResource {
    public static final String TYPE = "datamesh:index:TagOntology";

    private final Map<String, LfTag> tags = new LinkedHashMap<>();

    /**
     * @param catalogName the catalog's name, which its resources' names start with
     * @param catalog     the component these resources were direct children of
     */
    public TagOntology(String name, String catalogName, String catalogId, Map<String, List<String>> ontology,
                       Resource lakeSettings, CentralCatalog catalog) {
        super(TYPE, name, ChildOf.componentUnder(catalog));
        var children = ChildOf.movedFrom(this, catalog);
        ontology.forEach((key, values) -> tags.put(key, new LfTag(catalogName + "-tag-" + key,
                LfTagArgs.builder().catalogId(catalogId).key(key).values(values).build(), children.after(lakeSettings))));
        registerOutputs(Map.of());
    }

    /** The tag of a key; the ontology check at the config edge guarantees every used key has one. */
    public LfTag tag(String key) {
        return tags.get(key);
    }
}
