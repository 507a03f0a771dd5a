package io.datamesh.central;

import io.datamesh.config.ContractColumn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnTagGroupTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("no column overrides its table", List.of(column("id", Map.of())), List.of()),
                Arguments.of("columns with the same tag share one group, in the contract's order",
                        List.of(column("phone", Map.of("pii", "true")), column("id", Map.of()),
                                column("email", Map.of("pii", "true"))),
                        List.of(new ColumnTagGroup("pii", "true", List.of("phone", "email")))),
                Arguments.of("another value of the same key is another group",
                        List.of(column("email", Map.of("pii", "true")), column("country", Map.of("pii", "false"))),
                        List.of(new ColumnTagGroup("pii", "false", List.of("country")),
                                new ColumnTagGroup("pii", "true", List.of("email")))),
                Arguments.of("a column in two keys joins a group of each, ordered by key",
                        List.of(column("email", Map.of("pii", "true", "classification", "confidential"))),
                        List.of(new ColumnTagGroup("classification", "confidential", List.of("email")),
                                new ColumnTagGroup("pii", "true", List.of("email")))),
                Arguments.of("a key that is a prefix of another is ordered as a key, not as text",
                        List.of(column("a", Map.of("pii-level", "high")), column("b", Map.of("pii", "true"))),
                        List.of(new ColumnTagGroup("pii", "true", List.of("b")),
                                new ColumnTagGroup("pii-level", "high", List.of("a")))),
                Arguments.of("a value with '=' stays whole",
                        List.of(column("a", Map.of("rule", "x=y"))),
                        List.of(new ColumnTagGroup("rule", "x=y", List.of("a")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void groupsColumnsByTheTagTheyOverride(String description, List<ContractColumn> columns, List<ColumnTagGroup> groups) {
        assertThat(ColumnTagGroup.of(columns)).containsExactlyElementsOf(groups);
    }

    private static ContractColumn column(String name, Map<String, String> tags) {
        return new ContractColumn(name, "string", name, tags);
    }
}
