package io.datamesh.central;

import io.datamesh.config.ContractCheck;
import io.datamesh.names.MeshNames;
import io.datamesh.config.ContractColumn;
import io.datamesh.config.DataProduct;
import io.datamesh.lakeformation.TaggedCatalog;
import io.datamesh.stackref.ProducerExport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The central catalog as the producers' contracts define it: one database per domain tagged
 * {@code domain=<domain>} plus the domain's database tags, one table per data product with its own
 * tags, and per-column tag overrides. The tag assignments the stack creates and the shares it
 * computes both come from this one model.
 */
public final class ContractCatalog {
    private ContractCatalog() {
    }

    public static TaggedCatalog of(String catalogId, List<ProducerExport> producers) {
        List<TaggedCatalog.Database> databases = new ArrayList<>();
        List<TaggedCatalog.Table> tables = new ArrayList<>();
        for (ProducerExport producer : producers) {
            String database = MeshNames.domainDatabase(producer.domain());
            databases.add(new TaggedCatalog.Database(database, databaseTags(producer)));
            for (DataProduct product : producer.dataProducts()) {
                tables.add(new TaggedCatalog.Table(database, product.name(), product.tags(),
                        product.columns().stream().map(ContractCatalog::column).toList()));
            }
        }
        return new TaggedCatalog(catalogId, databases, tables);
    }

    public static Map<String, String> databaseTags(ProducerExport producer) {
        var tags = new LinkedHashMap<String, String>();
        tags.put(ContractCheck.DOMAIN_TAG, producer.domain());
        tags.putAll(producer.databaseTags());
        return tags;
    }

    private static TaggedCatalog.Column column(ContractColumn column) {
        return new TaggedCatalog.Column(column.name(), column.tags());
    }
}
