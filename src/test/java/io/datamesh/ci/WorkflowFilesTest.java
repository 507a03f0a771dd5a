package io.datamesh.ci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.datamesh.plan.AccountState;
import io.datamesh.plan.MeshPlanner;
import io.datamesh.plan.StackFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What can be checked of the GitHub workflows without GitHub: structure, coverage, order, paths, docs. */
class WorkflowFilesTest {
    private static final Path WORKFLOWS = Path.of(".github/workflows");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CONTEXT_NAME = Pattern.compile("\\b(vars|secrets)\\.([A-Z][A-Z0-9_]*)");

    private static Map<String, JsonNode> workflows() throws IOException {
        Map<String, JsonNode> result = new TreeMap<>();
        try (Stream<Path> files = Files.list(WORKFLOWS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yml")).toList()) {
                result.put(f.getFileName().toString(), YAML.readTree(f.toFile()));
            }
        }
        return result;
    }

    private static JsonNode workflow(String file) throws IOException {
        return workflows().get(file);
    }

    @Test
    void everyWorkflowIsYamlWithTriggersAndJobs() throws IOException {
        var all = workflows();
        assertEquals(Set.of("deploy.yml", "pull-request.yml", "pulumi-up.yml"), all.keySet());
        all.forEach((file, w) -> {
            assertTrue(w.path("on").isObject(), file + ": on");
            assertTrue(w.path("jobs").size() > 0, file + ": jobs");
            w.path("jobs").fields().forEachRemaining(job -> assertTrue(
                    job.getValue().has("runs-on") || job.getValue().has("uses"), file + ": " + job.getKey()));
        });
    }

    @Test
    void previewMatrixCoversEveryStackFile() throws Exception {
        var matrix = workflow("pull-request.yml").path("jobs").path("preview").path("strategy").path("matrix").path("include");
        List<String> previewed = new ArrayList<>();
        matrix.forEach(entry -> {
            previewed.add(entry.path("stack").asText());
            assertEquals("AWS_PREVIEW_ROLE_ARN_" + entry.path("stack").asText().toUpperCase(), entry.path("role_var").asText());
        });
        assertEquals(new TreeSet<>(StackFiles.stackNames(Path.of("."))), new TreeSet<>(previewed));
        assertEquals(previewed.size(), Set.copyOf(previewed).size(), "a stack previewed twice");
    }

    /** deploy.yml's chain of pulumi-up calls, flattened, is the order the planner deploys the sample in. */
    @Test
    void deployJobsFollowThePlannersDeployOrder() throws Exception {
        JsonNode jobs = workflow("deploy.yml").path("jobs");
        List<String> names = new ArrayList<>();
        jobs.fieldNames().forEachRemaining(names::add);
        List<String> chain = new ArrayList<>();
        String gate = null;
        for (String job : names) {
            if (!jobs.path(job).has("needs")) {
                gate = job;
            }
        }
        assertTrue(jobs.path(gate).path("environment").isTextual(), "the first job is an environment approval gate");
        for (String previous = gate; ; ) {
            String next = null;
            for (String job : names) {
                if (jobs.path(job).path("needs").asText().equals(previous)) {
                    assertTrue(next == null, "deploy jobs form one chain, but " + next + " and " + job + " both follow " + previous);
                    next = job;
                }
            }
            if (next == null) {
                break;
            }
            chain.add(next);
            previous = next;
        }
        assertEquals(jobs.size() - 1, chain.size(), "every job but the gate is in the chain");
        List<String> deployed = new ArrayList<>();
        for (String job : chain) {
            assertEquals("./.github/workflows/pulumi-up.yml", jobs.path(job).path("uses").asText(), job);
            for (JsonNode entry : JSON.readTree(jobs.path(job).path("with").path("stacks").asText())) {
                deployed.add(entry.path("stack").asText());
                assertEquals("AWS_DEPLOY_ROLE_ARN_" + entry.path("stack").asText().toUpperCase(), entry.path("role_var").asText());
            }
        }
        var plan = MeshPlanner.plan(Path.of("."), AccountState.TYPICAL, Set.of("central"));
        assertEquals(plan.deployOrder(), deployed);
        assertEquals(List.of("producer", "consumer", "central", "producer", "consumer"), deployed);
    }

    @Test
    void policyPacksReferencedExistAsExecutables() throws IOException {
        Set<String> packs = new LinkedHashSet<>();
        workflows().forEach((file, w) -> w.path("jobs").forEach(job -> job.path("steps").forEach(step -> {
            String list = step.path("with").path("policyPacks").asText();
            list.lines().map(String::trim).filter(l -> !l.isEmpty()).forEach(packs::add);
        })));
        assertEquals(Set.of("policy-packs/aws-baseline/analyzer", "policy-packs/datamesh-governance/analyzer"), packs);
        packs.forEach(p -> assertTrue(Files.isExecutable(Path.of(p)), p));
    }

    /** Forks get no secrets and no OIDC token: the offline plan must need neither. */
    @Test
    void offlinePlanNeedsNoCredentials() throws IOException {
        JsonNode job = workflow("pull-request.yml").path("jobs").path("offline-plan");
        String text = job.toString();
        assertFalse(text.contains("secrets.") || text.contains("id-token") || text.contains("configure-aws-credentials"), text);
        assertTrue(text.contains("./datamesh plan --json plan.json"), text);
        assertTrue(text.contains("actions/upload-artifact"), text);
    }

    /** The access review compares with the PR's base, needs no credentials, and fails on a widening. */
    @Test
    void accessReviewDiffsAgainstTheBaseWithoutCredentials() throws IOException {
        JsonNode job = workflow("pull-request.yml").path("jobs").path("access-review");
        String text = job.toString();
        assertFalse(text.contains("secrets.") || text.contains("id-token") || text.contains("configure-aws-credentials"), text);
        assertEquals(0, job.path("steps").get(0).path("with").path("fetch-depth").asInt(-1),
                "the base revision must be fetched for --base to check it out");
        String run = null;
        for (JsonNode step : job.path("steps")) {
            if (step.path("run").asText().contains("./datamesh access")) {
                run = step.path("run").asText();
            }
        }
        assertTrue(run != null, text);
        for (String part : List.of("--base \"origin/${{ github.base_ref }}\"", "--format markdown", "--fail-on-widening",
                ">> \"$GITHUB_STEP_SUMMARY\"", "--json access-diff.json")) {
            assertTrue(run.contains(part), run + " lacks " + part);
        }
        // The options the job passes are the command's own.
        var access = io.datamesh.cli.DatameshCli.commandLine().getSubcommands().get("access").getCommandSpec();
        for (String option : List.of("--base", "--format", "--fail-on-widening", "--json")) {
            assertTrue(access.findOption(option) != null, option);
        }
    }

    @Test
    void docsNameEverySecretAndVariable() throws IOException {
        String docs = Files.readString(Path.of("docs/ci.md"));
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(WORKFLOWS)) {
            for (Path f : files.toList()) {
                Matcher m = CONTEXT_NAME.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(2).equals("GITHUB_TOKEN")) {
                        names.add(m.group(2));
                    }
                }
                Matcher roles = Pattern.compile("AWS_(PREVIEW|DEPLOY)_ROLE_ARN_[A-Z]+").matcher(Files.readString(f));
                while (roles.find()) {
                    names.add(roles.group());
                }
            }
        }
        assertTrue(names.contains("PULUMI_ACCESS_TOKEN"), names.toString());
        names.forEach(n -> assertTrue(docs.contains("`" + n + "`"), "docs/ci.md does not document " + n));
    }
}
