package io.datamesh.deploy;

import io.datamesh.plan.SampleMesh;
import io.datamesh.plan.StackPlan;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CutOffCreateTest {
    @Test
    void everyTypeTheSampleMeshCreatesIsClassified() {
        var unknown = new TreeSet<String>();
        for (StackPlan stack : SampleMesh.plan().stacks()) {
            stack.resources().stream().map(r -> r.type()).filter(t -> t.startsWith("aws:"))
                    .filter(t -> !CutOffCreate.knows(t)).forEach(unknown::add);
        }
        assertEquals(new TreeSet<String>(), unknown, "classify each in CutOffCreate (docs/real-engine.md, \"Interrupted runs\")");
    }

    @Test
    void importIdsAreThoseTheProvidersImportersTake() {
        assertEquals(Optional.of("111111111111:sales"), CutOffCreate.importId("aws:glue/catalogDatabase:CatalogDatabase",
                Map.of("name", "sales"), "111111111111", "eu-west-1"));
        assertEquals(Optional.of("222222222222:sales:orders"), CutOffCreate.importId("aws:glue/catalogTable:CatalogTable",
                Map.of("catalogId", "222222222222", "databaseName", "sales", "name", "orders"), "111111111111", "eu-west-1"));
        assertEquals(Optional.of("111111111111:pii"), CutOffCreate.importId("aws:lakeformation/lfTag:LfTag",
                Map.of("key", "pii"), "111111111111", "eu-west-1"));
        assertEquals(Optional.of("datamesh-sales-data-222222222222-eu-west-1"), CutOffCreate.importId("aws:s3/bucketV2:BucketV2",
                Map.of("bucket", "datamesh-sales-data-222222222222-eu-west-1"), "222222222222", "eu-west-1"));
        assertEquals(Optional.of("arn:aws:cloudtrail:eu-west-1:222222222222:trail/datamesh-sales-data-events"),
                CutOffCreate.importId("aws:cloudtrail/trail:Trail", Map.of("name", "datamesh-sales-data-events"), "222222222222",
                        "eu-west-1"));
        assertEquals(Optional.of("datamesh-sales-engineer"), CutOffCreate.importId("aws:iam/role:Role",
                Map.of("name", "datamesh-sales-engineer"), "222222222222", "eu-west-1"));
    }

    @Test
    void noIdIsGuessedWithoutItsName() {
        assertEquals(Optional.empty(), CutOffCreate.importId("aws:iam/role:Role", Map.of("namePrefix", "datamesh-"), "1", "r"),
                "a generated name cannot be derived");
        assertEquals(Optional.empty(), CutOffCreate.importId("aws:glue/catalogDatabase:CatalogDatabase", Map.of("name", "sales"),
                "", "eu-west-1"), "no catalog id without the account");
        assertEquals(Optional.empty(), CutOffCreate.importId("aws:kms/key:Key", Map.of("description", "k"), "1", "r"));
        assertEquals(CutOffCreate.ASSIGNED, CutOffCreate.of("aws:ec2/instance:Instance"), "an unknown type is never guessed at");
    }
}
