package io.datamesh.e2e.standin;

import io.datamesh.policy.analyzer.StructCodec;
import io.grpc.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pulumirpc.Provider.CreateRequest;
import pulumirpc.Provider.CreateResponse;
import pulumirpc.Provider.DeleteRequest;
import pulumirpc.Provider.ReadRequest;
import pulumirpc.Provider.ReadResponse;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The emulated AWS keeps the names it keeps unique: a second create is refused, an import read finds the first. */
class NamedResourcesTest {
    private static final String ROLE = "urn:pulumi:central::datamesh::aws:iam/role:Role::central-lake-admin";
    private static final String DATABASE = "urn:pulumi:central::datamesh::aws:glue/catalogDatabase:CatalogDatabase::sales";

    private static StandInAwsProvider provider(Path dir) {
        var provider = new StandInAwsProvider(Map.of(StandInAwsProvider.STATE_ENV, dir.resolve("aws.json").toString()));
        provider.configure(Map.of("region", "eu-west-1", "allowedAccountIds", "[\"111111111111\"]"));
        return provider;
    }

    private static Capture<CreateResponse> create(StandInAwsProvider provider, String urn, Map<String, Object> inputs) {
        var out = new Capture<CreateResponse>();
        provider.create(CreateRequest.newBuilder().setUrn(urn).setProperties(StructCodec.toStruct(inputs)).build(), out);
        return out;
    }

    private static ReadResponse importRead(StandInAwsProvider provider, String urn, String id) {
        var out = new Capture<ReadResponse>();
        provider.read(ReadRequest.newBuilder().setUrn(urn).setId(id).build(), out);
        return out.values.get(0);
    }

    @Test
    void aSecondCreateOfARoleNameIsRefusedAsIamRefusesIt(@TempDir Path dir) {
        var provider = provider(dir);
        Map<String, Object> inputs = Map.of("name", "datamesh-central-lake-admin", "assumeRolePolicy", "{}");
        assertEquals(null, create(provider, ROLE, inputs).error);
        var again = create(provider, ROLE, inputs);
        assertTrue(Status.fromThrowable(again.error).getDescription()
                .contains("EntityAlreadyExists: Role with name datamesh-central-lake-admin already exists."));
    }

    @Test
    void anImportReadFindsWhatAwsHoldsByTheImportersIdAndNothingOnceDeleted(@TempDir Path dir) {
        var provider = provider(dir);
        create(provider, DATABASE, Map.of("name", "sales"));
        ReadResponse found = importRead(provider, DATABASE, "111111111111:sales");
        assertTrue(found.hasProperties());
        assertEquals("sales", StructCodec.toPlain(found.getInputs()).get("name"));
        assertFalse(importRead(provider, DATABASE, "111111111111:marketing").hasProperties(),
                "no properties: the engine reports that the resource does not exist");
        assertFalse(importRead(provider, DATABASE, "222222222222:sales").hasProperties(), "another account's catalog");

        var deleted = new Capture<com.google.protobuf.Empty>();
        provider.delete(DeleteRequest.newBuilder().setUrn(DATABASE).setId("sales")
                .setProperties(found.getProperties()).build(), deleted);
        assertFalse(importRead(provider, DATABASE, "111111111111:sales").hasProperties());
    }
}
