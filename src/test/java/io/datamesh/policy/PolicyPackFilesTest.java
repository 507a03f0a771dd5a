package io.datamesh.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.datamesh.policy.engine.PolicyPack;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged pack directories must describe the packs the code ships: the CLI shows the YAML's version. */
class PolicyPackFilesTest {
    @Test
    void everyPackDirectoryMatchesItsPack() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        for (PolicyPack pack : PolicyPacks.all()) {
            Path dir = Path.of("policy-packs", pack.name());
            JsonNode policy = yaml.readTree(dir.resolve("PulumiPolicy.yaml").toFile());
            assertEquals(pack.version(), policy.path("version").asText(), pack.name());
            assertEquals(pack.description(), policy.path("description").asText(), pack.name());
            assertEquals("datamesh", policy.path("runtime").asText(), pack.name());
            assertTrue(Files.isExecutable(dir.resolve("analyzer")), pack.name() + "/analyzer");
            assertTrue(Files.isExecutable(dir.resolve("pulumi-analyzer-policy-datamesh")), pack.name());
        }
    }
}
