package io.datamesh.access;

import io.datamesh.plan.SampleMesh;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The contracts the review tools show, read from the planned catalog tables, and what changed between two plans. */
class PlannedContractsTest {
    private static final PlannedContracts.Contract CUSTOMERS = new PlannedContracts.Contract("sales.customers",
            Optional.of("sales-crm"), Optional.of("1.0.0"), columns("customer_id", "string", "email", "string", "signup_date", "date"),
            Map.of("classification", "confidential"), Map.of("customer_id", Map.of(), "email", Map.of("pii", "true"),
            "signup_date", Map.of()));

    private static Map<String, String> columns(String... nameType) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < nameType.length; i += 2) {
            columns.put(nameType[i], nameType[i + 1]);
        }
        return columns;
    }

    private static List<String> changed(Consumer<Map<String, Object>> edit) {
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("owner", CUSTOMERS.owner());
        head.put("version", CUSTOMERS.version());
        head.put("columns", new LinkedHashMap<>(CUSTOMERS.columns()));
        head.put("tableTags", new LinkedHashMap<>(CUSTOMERS.tableTags()));
        head.put("columnTags", new LinkedHashMap<>(CUSTOMERS.columnTags()));
        edit.accept(head);
        @SuppressWarnings("unchecked")
        var contract = new PlannedContracts.Contract(CUSTOMERS.table(), (Optional<String>) head.get("owner"),
                (Optional<String>) head.get("version"), (Map<String, String>) head.get("columns"),
                (Map<String, String>) head.get("tableTags"), (Map<String, Map<String, String>>) head.get("columnTags"));
        return PlannedContracts.changes(Map.of(CUSTOMERS.table(), CUSTOMERS), Map.of(CUSTOMERS.table(), contract)).stream()
                .flatMap(c -> c.changes().stream()).toList();
    }

    @SuppressWarnings("unchecked")
    private static <T> Map<String, T> map(Map<String, Object> head, String key) {
        return (Map<String, T>) head.get(key);
    }

    @Test
    void eachKindOfContractChangeIsNamed() {
        assertThat(changed(h -> { })).isEmpty();
        assertThat(changed(h -> {
            map(h, "columns").put("loyalty_tier", "string");
            map(h, "columnTags").put("loyalty_tier", Map.of("classification", "internal"));
        })).containsExactly("column loyalty_tier added (string, classification=internal)");
        assertThat(changed(h -> map(h, "columns").remove("email"))).containsExactly("column email removed");
        assertThat(changed(h -> map(h, "columns").put("signup_date", "timestamp")))
                .containsExactly("column signup_date type date → timestamp");
        assertThat(changed(h -> map(h, "columnTags").put("email", Map.of()))).containsExactly("column email tags pii=true → none");
        assertThat(changed(h -> map(h, "tableTags").put("classification", "internal")))
                .containsExactly("table tags classification=confidential → classification=internal");
        assertThat(changed(h -> h.put("owner", Optional.empty()))).containsExactly("owner sales-crm → -");
    }

    @Test
    void aNewVersionAloneIsAChangeWithNothingElseChanged() {
        var head = new PlannedContracts.Contract(CUSTOMERS.table(), CUSTOMERS.owner(), Optional.of("1.1.0"), CUSTOMERS.columns(),
                CUSTOMERS.tableTags(), CUSTOMERS.columnTags());
        var changes = PlannedContracts.changes(Map.of(CUSTOMERS.table(), CUSTOMERS), Map.of(CUSTOMERS.table(), head));
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.versions()).isEqualTo("1.0.0 → 1.1.0");
            assertThat(c.changes()).isEmpty();
        });
    }

    @Test
    void theSamplePlanCarriesEachProductsOwnerVersionTypesAndTags() {
        var plan = SampleMesh.plan();
        var contracts = PlannedContracts.of(PlanAccessModel.stacks(plan), PlanAccessModel.of(plan));
        assertThat(contracts).containsOnlyKeys("sales.orders", "sales.customers");
        var customers = contracts.get("sales.customers");
        assertThat(customers.owner()).contains("sales-crm");
        assertThat(customers.version()).contains("1.0.0");
        assertThat(customers.columns()).containsEntry("signup_date", "date").hasSize(7);
        assertThat(customers.tableTags()).containsEntry("classification", "confidential");
        assertThat(customers.columnTags().get("email")).containsEntry("pii", "true");
        assertThat(contracts.get("sales.orders").columns()).containsEntry("amount", "decimal(10,2)");
        assertThat(contracts.get("sales.orders").owner()).contains("sales-order-management");
    }
}
