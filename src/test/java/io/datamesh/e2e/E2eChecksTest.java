package io.datamesh.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.jar.JarFile;

import static io.datamesh.e2e.E2eChecks.ACCESS_PREFIX;
import static io.datamesh.e2e.E2eChecks.ANALYST;
import static io.datamesh.e2e.E2eChecks.CUSTOMERS;
import static io.datamesh.e2e.E2eChecks.ENGINEER;
import static io.datamesh.e2e.E2eChecks.ORDERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each check of the e2e passes on what it expects and names the difference otherwise. */
class E2eChecksTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void accessMustBeExactlyTheSamplesExpected() {
        var lines = new ArrayList<>(List.of("e2e: access denied: somebody sales.orders: no link",
                ACCESS_PREFIX + ANALYST + " sales.orders " + ORDERS,
                ACCESS_PREFIX + ANALYST + " sales.customers " + CUSTOMERS + "  ",
                ACCESS_PREFIX + ENGINEER + " sales.orders " + ORDERS,
                ACCESS_PREFIX + ENGINEER + " sales.customers " + CUSTOMERS));
        assertEquals(Optional.empty(), E2eChecks.accessIsTheSamplesExpected(lines));

        lines.set(2, ACCESS_PREFIX + ANALYST + " sales.customers " + CUSTOMERS + ",email");
        var problem = E2eChecks.accessIsTheSamplesExpected(lines).orElseThrow();
        assertTrue(problem.contains("missing: [" + ANALYST + " sales.customers " + CUSTOMERS + "]"), problem);
        assertTrue(problem.contains("unexpected: [" + ANALYST + " sales.customers " + CUSTOMERS + ",email]"), problem);
        assertTrue(E2eChecks.accessIsTheSamplesExpected(lines.subList(0, 4)).isPresent(), "one role-table missing");
    }

    @Test
    void outputsMustBePresentAndNotEmpty() throws Exception {
        var outputs = json("{'a': 'x', 'b': [1], 'c': {'k': 1}, 'd': '', 'e': [], 'f': {}, 'g': null, 'h': 0}");
        assertEquals(Optional.empty(), E2eChecks.outputsPresent(outputs, List.of("a", "b", "c", "h")));
        for (String empty : List.of("d", "e", "f", "g", "missing")) {
            var problem = E2eChecks.outputsPresent(outputs, List.of("a", empty)).orElseThrow();
            assertTrue(problem.startsWith("missing or empty outputs [" + empty + "]"), problem);
        }
    }

    @Test
    void anUpgradeMayCreateOnlyComponentsAndMustReplaceOrDeleteNothing() throws Exception {
        var kept = json("{'resourcePreEvent': {'metadata': {'op': 'same', 'type': 'aws:s3/bucketV2:BucketV2', 'urn': 'u1'}}}");
        var updated = json("{'resourcePreEvent': {'metadata': {'op': 'update', 'type': 'aws:kms/key:Key', 'urn': 'u2'}}}");
        var component = json("{'resourcePreEvent': {'metadata': {'op': 'create', 'type': 'datamesh:index:SecureBucket', 'urn': 'u3'}}}");
        assertEquals(Optional.empty(), E2eChecks.upgradesInPlace(List.of(kept, updated, component), Set.of()));
        for (String op : List.of("replace", "create-replacement", "delete-replaced", "delete")) {
            var changed = json("{'resourcePreEvent': {'metadata': {'op': '" + op + "', 'type': 'aws:s3/bucketV2:BucketV2',"
                    + " 'urn': 'u4'}}}");
            assertTrue(E2eChecks.upgradesInPlace(List.of(kept, changed), Set.of("aws:s3/bucketV2:BucketV2::b")).orElse("").contains(op + " u4"), op);
        }
        var cloudCreate = json("{'resourcePreEvent': {'metadata': {'op': 'create', 'type': 'aws:s3/bucketV2:BucketV2', 'urn': 'u5'}}}");
        assertTrue(E2eChecks.upgradesInPlace(List.of(kept, cloudCreate), Set.of()).isPresent(), "a cloud resource created anew");
        assertTrue(E2eChecks.upgradesInPlace(List.of(component), Set.of()).isPresent(), "nothing deployed before");
        var versioning = json("{'resourcePreEvent': {'metadata': {'op': 'create', 'type':"
                + " 'aws:s3/bucketVersioningV2:BucketVersioningV2', 'urn': 'urn:pulumi:producer::datamesh::datamesh:index:"
                + "ProducerDomain$datamesh:index:SecureBucket$aws:s3/bucketVersioningV2:BucketVersioningV2::sales-audit-logs-versioning'}}}");
        var added = Set.of("aws:s3/bucketVersioningV2:BucketVersioningV2::sales-audit-logs-versioning");
        assertEquals(Optional.empty(), E2eChecks.upgradesInPlace(List.of(kept, versioning), added), "a resource added on purpose");
        assertTrue(E2eChecks.upgradesInPlace(List.of(kept, versioning), Set.of("aws:s3/bucketVersioningV2:BucketVersioningV2::"
                + "other")).isPresent(), "only the named one");
    }

    @Test
    void theEngineMustHaveRunEveryApplicableRuleAndNoOther() throws Exception {
        var policies = json("[{'kind': 'stack', 'pack': 'p', 'version': '0.1.0', 'name': 's', 'resourceTypes': []},"
                + "{'kind': 'resource', 'pack': 'p', 'version': '0.1.0', 'name': 'r', 'resourceTypes': ['t']},"
                + "{'kind': 'resource', 'pack': 'p', 'version': '0.1.0', 'name': 'never', 'resourceTypes': ['u']}]");
        var pre = json("{'resourcePreEvent': {'metadata': {'type': 't'}}}");
        var resourceSummary = json("{'policyAnalyzeSummaryEvent': {'policyPackName': 'p', 'policyPackVersion': '0.1.0',"
                + " 'passed': ['r']}}");
        var stackSummary = json("{'policyAnalyzeStackSummaryEvent': {'policyPackName': 'p', 'policyPackVersion': '0.1.0',"
                + " 'failed': ['s']}}");
        assertEquals(Optional.empty(),
                E2eChecks.engineRanEveryApplicableRule(policies, List.of(pre, resourceSummary, stackSummary)));
        assertTrue(E2eChecks.engineRanEveryApplicableRule(policies, List.of(pre, resourceSummary)).isPresent(),
                "the stack rule did not run");
        var otherPack = json("{'policyAnalyzeSummaryEvent': {'policyPackName': 'q', 'policyPackVersion': '1'}}");
        assertTrue(E2eChecks.engineRanEveryApplicableRule(policies,
                List.of(pre, resourceSummary, stackSummary, otherPack)).isPresent(), "a pack nobody expected");
    }

    @Test
    void aRetainedResourceMustHaveBeenCreatedInTheAccountAndNeverDeleted() throws Exception {
        var create = json("{'op': 'create', 'type': 'aws:kms/key:Key', 'name': 'k', 'accountId': '2'}");
        var createElsewhere = json("{'op': 'create', 'type': 'aws:kms/key:Key', 'name': 'k', 'accountId': '3'}");
        var delete = json("{'op': 'delete', 'type': 'aws:kms/key:Key', 'name': 'k', 'accountId': '2'}");
        var retained = List.of("aws:kms/key:Key=k");
        assertEquals(Optional.empty(), E2eChecks.retainedNeverDeleted(List.of(create), "2", retained));
        assertTrue(E2eChecks.retainedNeverDeleted(List.of(createElsewhere), "2", retained).orElseThrow()
                .startsWith("not created in account 2"));
        assertEquals(Optional.of("deleted: [aws:kms/key:Key=k]"),
                E2eChecks.retainedNeverDeleted(List.of(create, delete), "2", retained));
    }

    @Test
    void theThinJarNamesTheMainClassAndEveryClasspathEntry(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("thin.jar");
        String longEntry = "/root/.m2/repository/" + "very-long-directory-name/".repeat(5) + "x.jar";
        E2eChecks.writeThinJar(out, Path.of("target/datamesh.jar"), "/a/b.jar:" + longEntry + ":");
        try (var jar = new JarFile(out.toFile())) {
            var attributes = jar.getManifest().getMainAttributes();
            assertEquals("io.datamesh.App", attributes.getValue("Main-Class"));
            assertEquals(List.of(Path.of("target/datamesh.jar").toAbsolutePath().toUri().toString(),
                    "file:///a/b.jar", "file://" + longEntry), List.of(attributes.getValue("Class-Path").split(" ")));
        }
    }
}
