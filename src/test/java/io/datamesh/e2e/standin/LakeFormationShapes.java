package io.datamesh.e2e.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Lake Formation API's shapes (DataLakeSettings, Resource, as the AWS SDK for Java v2 and the AWS
 * CLI send and read them) to and from the property names the emulated state keeps, which are the
 * provider's (pulumi-aws) input names.
 */
final class LakeFormationShapes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LakeFormationShapes() {
    }

    /** The API's DataLakeSettings, in the property names the emulated state keeps. */
    static Map<String, Object> settingsFromApi(JsonNode settings) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("admins", principals(settings.path("DataLakeAdmins")));
        r.put("readOnlyAdmins", principals(settings.path("ReadOnlyAdmins")));
        r.put("createDatabaseDefaultPermissions", permissions(settings.path("CreateDatabaseDefaultPermissions")));
        r.put("createTableDefaultPermissions", permissions(settings.path("CreateTableDefaultPermissions")));
        r.put("parameters", JSON.convertValue(settings.path("Parameters"), Map.class));
        r.put("trustedResourceOwners", JSON.convertValue(settings.path("TrustedResourceOwners"), List.class));
        r.put("allowExternalDataFiltering", settings.path("AllowExternalDataFiltering").asBoolean(false));
        r.put("externalDataFilteringAllowLists", principals(settings.path("ExternalDataFilteringAllowList")));
        r.put("authorizedSessionTagValueLists", JSON.convertValue(settings.path("AuthorizedSessionTagValueList"), List.class));
        r.put("allowFullTableExternalDataAccess", settings.path("AllowFullTableExternalDataAccess").asBoolean(false));
        r.values().removeIf(v -> v == null);
        return r;
    }

    /** The emulated state's settings of an account as GetDataLakeSettings answers them. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> settingsToApi(Map<String, Object> settings) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("DataLakeAdmins", toPrincipals((List<String>) settings.get("admins")));
        r.put("ReadOnlyAdmins", toPrincipals((List<String>) settings.get("readOnlyAdmins")));
        r.put("CreateDatabaseDefaultPermissions", toPermissions((List<Map<String, Object>>) settings.get("createDatabaseDefaultPermissions")));
        r.put("CreateTableDefaultPermissions", toPermissions((List<Map<String, Object>>) settings.get("createTableDefaultPermissions")));
        r.put("Parameters", settings.get("parameters"));
        r.put("TrustedResourceOwners", settings.get("trustedResourceOwners"));
        r.put("AllowExternalDataFiltering", settings.get("allowExternalDataFiltering"));
        r.put("ExternalDataFilteringAllowList", toPrincipals((List<String>) settings.get("externalDataFilteringAllowLists")));
        r.put("AuthorizedSessionTagValueList", settings.get("authorizedSessionTagValueLists"));
        r.put("AllowFullTableExternalDataAccess", settings.get("allowFullTableExternalDataAccess"));
        r.values().removeIf(v -> v == null);
        return r;
    }

    /**
     * The API's Resource as the provider's Permissions inputs name it, for
     * {@link LakeFormationEmulator#resourceOf}: both spell one resource, and the emulator keys grants by
     * the provider's spelling.
     */
    static Map<String, Object> resourceInputs(JsonNode resource) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        JsonNode n;
        if (!(n = resource.path("Database")).isMissingNode()) {
            inputs.put("database", fields(n, "CatalogId", "catalogId", "Name", "name"));
        } else if (!(n = resource.path("Table")).isMissingNode()) {
            var table = fields(n, "CatalogId", "catalogId", "DatabaseName", "databaseName", "Name", "name");
            if (n.has("TableWildcard")) {
                table.put("wildcard", true);
            }
            inputs.put("table", table);
        } else if (!(n = resource.path("TableWithColumns")).isMissingNode()) {
            var table = fields(n, "CatalogId", "catalogId", "DatabaseName", "databaseName", "Name", "name");
            table.put("columnNames", JSON.convertValue(n.path("ColumnNames"), List.class));
            if (n.has("ColumnWildcard")) {
                table.put("wildcard", true);
                table.put("excludedColumnNames", JSON.convertValue(n.path("ColumnWildcard").path("ExcludedColumnNames"), List.class));
            }
            inputs.put("tableWithColumns", table);
        } else if (!(n = resource.path("LFTag")).isMissingNode()) {
            var tag = fields(n, "CatalogId", "catalogId", "TagKey", "key");
            tag.put("values", JSON.convertValue(n.path("TagValues"), List.class));
            inputs.put("lfTag", tag);
        } else if (!(n = resource.path("LFTagPolicy")).isMissingNode()) {
            var policy = fields(n, "CatalogId", "catalogId", "ResourceType", "resourceType");
            List<Map<String, Object>> expressions = new ArrayList<>();
            n.path("Expression").forEach(e -> expressions.add(Map.of("key", e.path("TagKey").asText(),
                    "values", JSON.convertValue(e.path("TagValues"), List.class))));
            policy.put("expressions", expressions);
            inputs.put("lfTagPolicy", policy);
        } else if (!(n = resource.path("DataLocation")).isMissingNode()) {
            inputs.put("dataLocation", fields(n, "CatalogId", "catalogId", "ResourceArn", "arn"));
        }
        return inputs;
    }

    /** A grant's normalised resource ({@link LakeFormationEmulator#resourceOf}) as ListPermissions answers it. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> resourceToApi(Map<String, Object> resource) {
        Map<String, Object> r = new LinkedHashMap<>();
        Object catalog = resource.get("catalogId");
        switch (String.valueOf(resource.get("type"))) {
            case "database" -> r.put("Database", Map.of("CatalogId", catalog, "Name", resource.get("name")));
            case "table" -> {
                Map<String, Object> t = new LinkedHashMap<>(Map.of("CatalogId", catalog, "DatabaseName", resource.get("databaseName")));
                if (Boolean.TRUE.equals(resource.get("wildcard"))) {
                    t.put("TableWildcard", Map.of());
                } else {
                    t.put("Name", resource.get("name"));
                }
                r.put("Table", t);
            }
            case "tableWithColumns" -> {
                Map<String, Object> t = new LinkedHashMap<>(Map.of("CatalogId", catalog, "DatabaseName", resource.get("databaseName"),
                        "Name", resource.get("name")));
                if (Boolean.TRUE.equals(resource.get("wildcard"))) {
                    t.put("ColumnWildcard", Map.of("ExcludedColumnNames", resource.getOrDefault("excludedColumnNames", List.of())));
                } else {
                    t.put("ColumnNames", resource.getOrDefault("columnNames", List.of()));
                }
                r.put("TableWithColumns", t);
            }
            case "lfTag" -> r.put("LFTag", Map.of("CatalogId", catalog, "TagKey", resource.get("key"),
                    "TagValues", resource.get("values")));
            case "lfTagPolicy" -> {
                List<Map<String, Object>> expression = new ArrayList<>();
                ((List<Map<String, Object>>) resource.get("expressions")).forEach(e ->
                        expression.add(Map.of("TagKey", e.get("key"), "TagValues", e.get("values"))));
                r.put("LFTagPolicy", Map.of("CatalogId", catalog, "ResourceType", resource.get("resourceType"),
                        "Expression", expression));
            }
            case "dataLocation" -> r.put("DataLocation", Map.of("CatalogId", catalog, "ResourceArn", resource.get("arn")));
            default -> r.put("Catalog", Map.of());
        }
        return r;
    }

    private static Map<String, Object> fields(JsonNode node, String... apiThenState) {
        Map<String, Object> r = new LinkedHashMap<>();
        for (int i = 0; i < apiThenState.length; i += 2) {
            if (node.hasNonNull(apiThenState[i])) {
                r.put(apiThenState[i + 1], node.get(apiThenState[i]).asText());
            }
        }
        return r;
    }

    private static List<String> principals(JsonNode list) {
        List<String> arns = new ArrayList<>();
        list.forEach(p -> arns.add(p.path("DataLakePrincipalIdentifier").asText()));
        return arns;
    }

    private static List<Map<String, Object>> permissions(JsonNode list) {
        List<Map<String, Object>> result = new ArrayList<>();
        list.forEach(p -> result.add(Map.of("principal", p.path("Principal").path("DataLakePrincipalIdentifier").asText(),
                "permissions", JSON.convertValue(p.path("Permissions"), List.class))));
        return result;
    }

    private static List<Map<String, Object>> toPrincipals(List<String> arns) {
        return arns == null ? null : arns.stream().<Map<String, Object>>map(LakeFormationShapes::principal).toList();
    }

    static Map<String, Object> principal(String arn) {
        return Map.of("DataLakePrincipalIdentifier", arn);
    }

    private static List<Map<String, Object>> toPermissions(List<Map<String, Object>> list) {
        return list == null ? null : list.stream().<Map<String, Object>>map(p -> Map.of(
                "Principal", principal(String.valueOf(p.get("principal"))), "Permissions", p.get("permissions"))).toList();
    }
}
