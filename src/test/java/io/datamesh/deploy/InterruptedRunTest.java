package io.datamesh.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Settling a stack an interrupted run left, on a checkpoint shaped as {@code pulumi stack export} writes it. */
class InterruptedRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DB = "urn:pulumi:central::datamesh::datamesh:index:CentralCatalog$datamesh:index:ProducerOnboarding"
            + "$aws:glue/catalogDatabase:CatalogDatabase::central-sales-database";
    private static final String TAG = "urn:pulumi:central::datamesh::datamesh:index:CentralCatalog$datamesh:index:TagOntology"
            + "$aws:lakeformation/lfTag:LfTag::central-tag-pii";
    private static final String GRANT = "urn:pulumi:central::datamesh::datamesh:index:CentralCatalog$datamesh:index:QueryRoleGrants"
            + "$aws:lakeformation/permissions:Permissions::central-grant-marketing-sales-database-analyst";
    private static final String KEY = "urn:pulumi:central::datamesh::datamesh:index:CentralCatalog$aws:kms/key:Key::central-catalog-key";
    private static final InterruptedRun.StackFacts CENTRAL = new InterruptedRun.StackFacts("111111111111", "eu-west-1", Set.of());

    /** The CLI as settling sees it: a state, what AWS holds by import id, and every command it was asked for. */
    private static final class FakeCli implements InterruptedRun.Cli {
        final Map<String, Object> deployment;
        final Set<String> inAws;
        final List<String> commands = new ArrayList<>();

        FakeCli(Map<String, Object> deployment, Set<String> inAws) {
            this.deployment = deployment;
            this.inAws = inAws;
        }

        @Override
        public Map<String, Object> export() {
            return deployment;
        }

        @Override
        public boolean importResource(String importFile, String id, boolean protect)
                throws com.pulumi.automation.AutomationException {
            try {
                JsonNode spec = JSON.readTree(importFile).get("resources").get(0);
                assertEquals(id, spec.get("id").asText());
                commands.add("import " + spec.get("id").asText() + (protect ? " protected" : ""));
                return inAws.contains(spec.get("id").asText());
            } catch (IOException e) {
                throw new com.pulumi.automation.AutomationException(e);
            }
        }

        @Override
        public void refreshClearingPendingCreates() {
            commands.add("refresh --clear-pending-creates");
        }

        @Override
        public String command(String command) {
            return "pulumi " + command + " --stack central";
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> killedCentral() throws IOException {
        try (InputStream in = InterruptedRunTest.class.getResourceAsStream("/interrupted/central-killed.json")) {
            return (Map<String, Object>) JSON.readValue(in, Map.class).get("deployment");
        }
    }

    private static Map<String, Object> without(Map<String, Object> deployment, String urn) {
        var copy = new LinkedHashMap<>(deployment);
        copy.put("pending_operations", ((List<?>) deployment.get("pending_operations")).stream()
                .filter(o -> !((Map<?, ?>) ((Map<?, ?>) o).get("resource")).get("urn").equals(urn)).toList());
        return copy;
    }

    @Test
    void eachCutOffCreateIsDecidedByWhatAwsDoesWithASecondCreate() throws Exception {
        var decisions = InterruptedRun.decide(Checkpoint.of(killedCentral()), Operation.UP, CENTRAL);
        Map<String, String> byUrn = new LinkedHashMap<>();
        decisions.forEach(d -> byUrn.put(d.create().urn(), d.action() + " " + d.importId()));
        assertEquals(Map.of(DB, "IMPORT 111111111111:sales", TAG, "IMPORT 111111111111:pii", GRANT, "FORGET ",
                KEY, "STOP "), byUrn, "the pending update is the refresh's, not a decision");
    }

    @Test
    void aCreateWhoseIdAwsAssignsStopsTheStepBeforeAnythingChanges() throws Exception {
        var cli = new FakeCli(killedCentral(), Set.of("111111111111:sales"));
        List<String> said = new ArrayList<>();
        assertFalse(InterruptedRun.settle("central", Operation.UP, CENTRAL, cli, said::add));
        assertEquals(List.of(), cli.commands, "nothing imported or refreshed");
        assertTrue(said.stream().anyMatch(l -> l.contains(KEY) && l.contains("AWS assigns its id")
                && l.contains("pulumi import --stack central aws:kms/key:Key central-catalog-key <id>")), String.join("\n", said));
    }

    @Test
    void namedCreatesAreImportedWhereAwsMadeThemAndTheRestForgottenByOneRefresh() throws Exception {
        var cli = new FakeCli(without(killedCentral(), KEY), Set.of("111111111111:sales"));
        List<String> said = new ArrayList<>();
        assertTrue(InterruptedRun.settle("central", Operation.UP, CENTRAL, cli, said::add));
        assertEquals(List.of("import 111111111111:sales", "import 111111111111:pii", "refresh --clear-pending-creates"),
                cli.commands);
        String text = String.join("\n", said);
        assertTrue(text.contains("imported " + DB + " as 111111111111:sales"), text);
        assertTrue(text.contains("forgot " + TAG + ": AWS has no 111111111111:pii, the up creates it"), text);
        assertTrue(text.contains("forgot " + GRANT + ": AWS takes this create again"), text);
    }

    @Test
    void aRetainedResourceIsImportedProtectedSoThatNoDestroyBeforeTheUpDeletesIt() throws Exception {
        var cli = new FakeCli(without(killedCentral(), KEY), Set.of("111111111111:sales"));
        var retained = new InterruptedRun.StackFacts("111111111111", "eu-west-1", Set.of(DB));
        assertTrue(InterruptedRun.settle("central", Operation.UP, retained, cli, line -> { }));
        assertEquals("import 111111111111:sales protected", cli.commands.get(0));
    }

    @Test
    void aDestroyDoesNotRunOverCreatesItCannotSee() throws Exception {
        var cli = new FakeCli(without(killedCentral(), KEY), Set.of("111111111111:sales"));
        List<String> said = new ArrayList<>();
        assertFalse(InterruptedRun.settle("central", Operation.DESTROY, CENTRAL, cli, said::add));
        assertEquals(List.of(), cli.commands);
        assertTrue(said.stream().anyMatch(l -> l.contains("run ./datamesh up on this stack first")), String.join("\n", said));
    }

    @Test
    void aStackWithNothingPendingIsLeftAlone() throws Exception {
        var state = new LinkedHashMap<>(killedCentral());
        state.remove("pending_operations");
        var cli = new FakeCli(state, Set.of());
        List<String> said = new ArrayList<>();
        assertTrue(InterruptedRun.settle("central", Operation.UP, CENTRAL, cli, said::add));
        assertEquals(List.of(), cli.commands);
        assertEquals(List.of(), said);
    }

    @Test
    void onlyPendingUpdatesAreReadBackByTheRefresh() throws Exception {
        var state = killedCentral();
        for (String urn : List.of(DB, TAG, GRANT, KEY)) {
            state = without(state, urn);
        }
        var cli = new FakeCli(state, Set.of());
        assertTrue(InterruptedRun.settle("central", Operation.UP, CENTRAL, cli, line -> { }));
        assertEquals(List.of("refresh --clear-pending-creates"), cli.commands);
    }

    @Test
    void createsCutOffByADeadProviderAreImportedAtOnceWhereAwsMadeThem() throws Exception {
        var pending = Checkpoint.of(killedCentral()).pending().stream()
                .filter(p -> p.urn().equals(DB) || p.urn().equals(GRANT)).toList();
        var cli = new FakeCli(killedCentral(), Set.of("111111111111:sales"));
        List<String> said = new ArrayList<>();
        InterruptedRun.settleCutOff(pending, CENTRAL, cli, said::add);
        assertEquals(List.of("import 111111111111:sales"), cli.commands, "no refresh: the engine kept no pending operation");
    }

    @Test
    void theImportFileNamesTheUrnsParentAndProviderSoTheProgramFindsItAsItsOwn() throws Exception {
        var db = Checkpoint.of(killedCentral()).pending().get(0);
        JsonNode file = JSON.readTree(InterruptedRun.importFile(db, "111111111111:sales"));
        assertEquals("urn:pulumi:central::datamesh::datamesh:index:CentralCatalog$datamesh:index:ProducerOnboarding::central-sales",
                file.at("/nameTable/parent").asText());
        assertEquals("urn:pulumi:central::datamesh::pulumi:providers:aws::default_6_83_0", file.at("/nameTable/provider").asText(),
                "the provider by URN, without the reference's id");
        assertEquals("aws:glue/catalogDatabase:CatalogDatabase", file.at("/resources/0/type").asText());
        assertEquals("central-sales-database", file.at("/resources/0/name").asText());
        assertEquals("parent", file.at("/resources/0/parent").asText());
        assertEquals("provider", file.at("/resources/0/provider").asText());
    }
}
