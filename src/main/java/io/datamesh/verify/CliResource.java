package io.datamesh.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamesh.lakeformation.LfResource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Lake Formation resource in the JSON shape of the AWS CLI's {@code --resource} argument, so a
 * printed revoke command can be pasted as it is.
 */
final class CliResource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CliResource() {
    }

    static String json(LfResource resource) {
        try {
            return JSON.writeValueAsString(shape(resource));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> shape(LfResource resource) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("CatalogId", resource.catalogId());
        String kind;
        if (resource instanceof LfResource.Database d) {
            kind = "Database";
            body.put("Name", d.name());
        } else if (resource instanceof LfResource.Table t) {
            kind = "Table";
            body.put("DatabaseName", t.database());
            t.name().ifPresentOrElse(n -> body.put("Name", n), () -> body.put("TableWildcard", Map.of()));
        } else if (resource instanceof LfResource.TableColumns t) {
            kind = "TableWithColumns";
            body.put("DatabaseName", t.database());
            body.put("Name", t.name());
            body.put("ColumnNames", t.columns().stream().sorted().toList());
        } else if (resource instanceof LfResource.DataLocation l) {
            kind = "DataLocation";
            body.put("ResourceArn", l.arn());
        } else if (resource instanceof LfResource.TagValues v) {
            kind = "LFTag";
            body.put("TagKey", v.key());
            body.put("TagValues", v.values());
        } else {
            var p = (LfResource.TagPolicy) resource;
            kind = "LFTagPolicy";
            body.put("ResourceType", p.resourceType().name());
            List<Map<String, Object>> expression = p.expression().clauses().entrySet().stream()
                    .map(c -> {
                        Map<String, Object> clause = new LinkedHashMap<>();
                        clause.put("TagKey", c.getKey());
                        clause.put("TagValues", List.copyOf(c.getValue()));
                        return clause;
                    }).toList();
            body.put("Expression", expression);
        }
        return Map.of(kind, body);
    }
}
