package io.datamesh.scale;

import io.datamesh.account.LakeFormationLanes;
import io.datamesh.config.CentralSettings;
import io.datamesh.lakeformation.LfResource.ResourceType;
import io.datamesh.config.ProducerSettings;
import io.datamesh.plan.AccountState;
import io.datamesh.plan.InvalidMeshException;
import io.datamesh.plan.LakeFormationWrites;
import io.datamesh.plan.MeshPlan;
import io.datamesh.plan.MeshPlanner;
import io.datamesh.resource.PlannedResource;
import io.datamesh.plan.StackPlan;
import io.datamesh.policy.PolicyRunner;
import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.policy.engine.PolicyContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MeshGeneratorTest {
    static final String PERMISSIONS = "aws:lakeformation/permissions:Permissions";
    static final MeshShape SMALL = new MeshShape(2, 2, 5, 2, 7);

    @TempDir
    static Path tmp;
    static MeshPlan small;
    static MeshPlan tripled;

    @BeforeAll
    static void planSmallAndTripled() throws IOException, InvalidMeshException {
        small = generateAndPlan(SMALL, tmp.resolve("1x"));
        tripled = generateAndPlan(SMALL.withTables(3 * SMALL.tables()), tmp.resolve("3x"));
    }

    private static MeshPlan generateAndPlan(MeshShape shape, Path dir) throws IOException, InvalidMeshException {
        MeshGenerator.write(shape, dir);
        return MeshPlanner.plan(dir, AccountState.TYPICAL);
    }

    /**
     * More lane keys (20 databases, 20 engineer roles) than lanes, and lowered configured quotas
     * standing for a mesh too big for AWS's defaults: one central plan for both.
     */
    @Test
    void centralKeepsToThirtyTwoLanesAndNamesTheQuotaItExceeds() throws IOException, InvalidMeshException {
        var shape = new MeshShape(20, 1, 2, 0, 7);
        Path dir = tmp.resolve("wide");
        MeshGenerator.write(shape, dir);
        Path central = dir.resolve("Pulumi." + MeshGenerator.CENTRAL_STACK + ".yaml");
        Files.writeString(central, Files.readString(central)
                + "  datamesh:quotas:\n    glueCrawlers: 19\n    glueTables: 25\n");
        var plan = MeshPlanner.plan(dir, AccountState.TYPICAL, java.util.Set.of(MeshGenerator.CENTRAL_STACK));
        var stack = plan.stacks().stream().filter(s -> s.stack().equals(MeshGenerator.CENTRAL_STACK)).findFirst().orElseThrow();

        assertEquals(LakeFormationLanes.MAX_LANES, LakeFormationWrites.lanes(stack), "at most 32 writes in flight");
        assertTrue(LakeFormationWrites.longestChain(stack) < LakeFormationWrites.count(stack) / 10,
                "lanes, not one chain: " + LakeFormationWrites.longestChain(stack) + " of " + LakeFormationWrites.count(stack));

        assertEquals(List.of("account " + plan.settings().get(MeshGenerator.CENTRAL_STACK).identity().accountId()
                + ": Glue crawlers per account (glueCrawlers): 20 of 19 (raised quota of datamesh:quotas.glueCrawlers)"
                + " — exceeds it: raise the quota with AWS Service Quotas, then set datamesh:quotas.glueCrawlers"), stack.errors());
        assertTrue(stack.warnings().stream().anyMatch(w -> w.contains("Glue tables per account (glueTables): 20 of 25")),
                stack.warnings().toString());
        assertEquals(List.of(), small.stacks().get(0).errors(), "a mesh within AWS's default quotas has no quota error");
    }

    /** The reason LF-tag access control exists: adding tables adds no grants. */
    @Test
    void permissionCountPerStackDoesNotGrowWithTables() {
        assertEquals(countsOf(small, PERMISSIONS), countsOf(tripled, PERMISSIONS));
        // Not vacuous: the tables did triple.
        String tables = "aws:glue/catalogTable:CatalogTable";
        assertEquals(3 * countsOf(small, tables).get(MeshGenerator.CENTRAL_STACK),
                countsOf(tripled, tables).get(MeshGenerator.CENTRAL_STACK));
    }

    @Test
    void generatedMeshPlansCleanlyAndPassesTheMandatoryPolicies() {
        assertEquals(1 + SMALL.producers() + SMALL.consumers(), small.stacks().size());
        for (StackPlan stack : small.stacks()) {
            assertEquals(List.of(), stack.errors(), stack.stack());
            var raw = small.configs().get(stack.stack());
            var mandatory = PolicyRunner.evaluate(stack.resources(), new PolicyContext(stack.stack(), raw.project(), raw.values()))
                    .stream().filter(f -> f.level() == EnforcementLevel.MANDATORY).toList();
            assertEquals(List.of(), mandatory, stack.stack());
        }
    }

    @Test
    void everyTableHasPersonalColumnsAndNoGrantReachesThem() {
        for (var settings : small.settings().values()) {
            if (settings instanceof ProducerSettings producer) {
                assertEquals(SMALL.tables(), producer.dataProducts().size());
                producer.dataProducts().forEach(p -> assertTrue(p.columns().stream()
                        .anyMatch(c -> "true".equals(c.tags().get("pii"))), p.name()));
            }
            if (settings instanceof CentralSettings central) {
                central.grants().stream().filter(g -> g.resource() == ResourceType.TABLE)
                        .forEach(g -> assertEquals(Set.of("false"), g.expression().clauses().get("pii"), g.name()));
            }
        }
    }

    @Test
    void sameShapeAndSeedWriteTheSameFiles() throws IOException {
        MeshGenerator.write(SMALL, tmp.resolve("again"));
        for (Path file : Files.list(tmp.resolve("1x")).toList()) {
            assertEquals(Files.readString(file), Files.readString(tmp.resolve("again").resolve(file.getFileName())),
                    file.getFileName().toString());
        }
        assertNotEquals(MeshGenerator.stacks(SMALL), MeshGenerator.stacks(
                new MeshShape(SMALL.producers(), SMALL.tables(), SMALL.columns(), SMALL.consumers(), 8)));
    }

    @Test
    void refusesADirectoryWithOtherStacks() throws IOException {
        Path dir = tmp.resolve("foreign");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("Pulumi.prod.yaml"), "config: {}\n");
        assertThrows(IOException.class, () -> MeshGenerator.write(SMALL, dir));
    }

    static Map<String, Long> countsOf(MeshPlan plan, String type) {
        return plan.stacks().stream().collect(Collectors.toMap(StackPlan::stack,
                s -> s.resources().stream().map(PlannedResource::type).filter(type::equals).count(),
                (a, b) -> a, TreeMap::new));
    }
}
