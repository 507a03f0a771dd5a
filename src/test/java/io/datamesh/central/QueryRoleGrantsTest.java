package io.datamesh.central;

import io.datamesh.resource.PlannedResource;
import io.datamesh.plan.StackPlan;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.datamesh.central.CentralRuns.childrenOf;
import static io.datamesh.central.CentralRuns.named;
import static io.datamesh.plan.SampleMesh.map;
import static org.assertj.core.api.Assertions.assertThat;

class QueryRoleGrantsTest {
    private final StackPlan plan = CentralRuns.onboarded();
    private final List<PlannedResource> grants = childrenOf(plan, QueryRoleGrants.TYPE, "central-grants");

    @Test
    void eachPublishedRoleGetsItsDomainsGrantsAndARoleNarrowedAwayGetsNone() {
        assertThat(grants).extracting(g -> g.name() + " " + g.inputs().get("principal")).containsExactlyInAnyOrder(
                "central-grant-marketing-sales-database-analyst " + CentralRuns.ANALYST,
                "central-grant-marketing-sales-non-pii-analyst " + CentralRuns.ANALYST,
                "central-grant-sales-own-database-engineer " + CentralRuns.ENGINEER,
                "central-grant-sales-own-tables-engineer " + CentralRuns.ENGINEER);
        assertThat(grants).noneSatisfy(g -> assertThat(g.inputs().get("principal")).isEqualTo(CentralRuns.HR_ONLY));
    }

    @Test
    void aGrantIsAnLfTagPolicyWithoutGrantOptionAfterTheTagsItNamesAndThePreviousGrantToTheRole() {
        var tables = named(plan, "central-grant-marketing-sales-non-pii-analyst");
        var policy = map(tables.inputs().get("lfTagPolicy"));
        assertThat(policy).containsEntry("resourceType", "TABLE").containsEntry("catalogId", CentralRuns.ACCOUNT);
        assertThat(policy.get("expressions")).isEqualTo(List.of(Map.of("key", "domain", "values", List.of("sales")),
                Map.of("key", "pii", "values", List.of("false"))));
        assertThat(tables.inputs()).doesNotContainKey("permissionsWithGrantOptions")
                .containsEntry("permissions", List.of("SELECT", "DESCRIBE"));
        var database = named(plan, "central-grant-marketing-sales-database-analyst");
        assertThat(tables.options().dependsOn()).containsExactly(
                "urn:pulumi:central::datamesh::datamesh:index:CentralCatalog$datamesh:index:TagOntology$"
                        + "aws:lakeformation/lfTag:LfTag::central-tag-domain",
                "urn:pulumi:central::datamesh::datamesh:index:CentralCatalog$datamesh:index:TagOntology$"
                        + "aws:lakeformation/lfTag:LfTag::central-tag-pii",
                database.urn());
    }
}
