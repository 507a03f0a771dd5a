package io.datamesh.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.datamesh.names.MeshNames;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ODCS v3.1.0 contract of each product a producer declares in {@code datamesh:dataProducts}:
 * the inverse of {@link OdcsContracts}' mapping, so that listing the written files in
 * {@code datamesh:contracts} plans the same tables, columns, types and tags.
 */
public final class OdcsExport {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

    static final String FIRST_VERSION = "1.0.0";

    private OdcsExport() {
    }

    /** File name ({@code <product>.odcs.yaml}) → its YAML text, in the stack's product order. */
    public static Map<String, String> contracts(ProducerSettings producer, String stackFile) {
        Map<String, String> files = new LinkedHashMap<>();
        for (DataProduct product : producer.dataProducts()) {
            files.put(product.name() + ".odcs.yaml", "# Written by `./datamesh contract export` from datamesh:dataProducts of "
                    + stackFile + ".\n" + yaml(contract(producer, product)));
        }
        return files;
    }

    static ObjectNode contract(ProducerSettings producer, DataProduct product) {
        StackIdentity identity = producer.identity();
        ObjectNode root = YAML.createObjectNode();
        root.put("apiVersion", "v3.1.0");
        root.put("kind", "DataContract");
        root.put("id", producer.domain() + "-" + product.name());
        root.put("name", product.name());
        // A product of datamesh:dataProducts has no version yet: its first contract is the first version.
        root.put("version", product.version().orElse(FIRST_VERSION));
        root.put("status", "active");
        root.put("domain", producer.domain());
        product.owner().ifPresent(owner -> root.putObject("team").put("name", owner));
        ObjectNode server = root.putArray("servers").addObject();
        server.put("server", producer.domain() + "-data");
        server.put("type", "s3");
        server.put("location", "s3://" + MeshNames.dataBucket(identity.namePrefix(), producer.domain(), identity.accountId(),
                identity.region()) + "/" + product.prefix());
        server.put("format", product.format());
        ObjectNode object = root.putArray("schema").addObject();
        object.put("name", product.name());
        object.put("physicalType", "table");
        if (!product.description().isEmpty()) {
            object.put("description", product.description());
        }
        tags(object, product.tags());
        ArrayNode properties = object.putArray("properties");
        for (ContractColumn column : product.columns()) {
            ObjectNode property = properties.addObject();
            property.put("name", column.name());
            var logical = OdcsContracts.logicalTypeOf(column.type());
            logical.ifPresent(l -> property.put("logicalType", l));
            if (logical.map(l -> !OdcsContracts.GLUE_TYPE_OF_LOGICAL.get(l).equals(column.type())).orElse(true)) {
                property.put("physicalType", column.type());
            }
            if (!column.comment().isEmpty()) {
                property.put("description", column.comment());
            }
            tags(property, column.tags());
        }
        return root;
    }

    private static void tags(ObjectNode element, Map<String, String> tags) {
        if (!tags.isEmpty()) {
            ArrayNode list = element.putArray("tags");
            tags.forEach((key, value) -> list.add(key + "=" + value));
        }
    }

    private static String yaml(ObjectNode contract) {
        try {
            return YAML.writeValueAsString(contract);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
