package io.datamesh.plan;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class EngineUrnTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no parent: the type alone | | urn:pulumi:central::datamesh::aws:iam/role:Role::r",
            "the root stack adds no chain | urn:pulumi:central::datamesh::pulumi:pulumi:Stack::datamesh-central"
                    + " | urn:pulumi:central::datamesh::aws:iam/role:Role::r",
            "a component's type comes first | urn:pulumi:central::datamesh::datamesh:index:CentralCatalog::central"
                    + " | urn:pulumi:central::datamesh::datamesh:index:CentralCatalog$aws:iam/role:Role::r",
            "the whole chain of a nested component | "
                    + "urn:pulumi:central::datamesh::datamesh:index:CentralCatalog$datamesh:index:CentralRoles::central-roles"
                    + " | urn:pulumi:central::datamesh::datamesh:index:CentralCatalog$datamesh:index:CentralRoles$aws:iam/role:Role::r"})
    void aChildsTypeIsItsParentsTypeChainThenItsOwn(String description, String parent, String urn) {
        assertThat(EngineUrn.create("central", "datamesh", Optional.ofNullable(parent), "aws:iam/role:Role", "r"))
                .isEqualTo(urn);
    }
}
