package io.datamesh.verify;

import io.datamesh.lakeformation.Grant;
import io.datamesh.lakeformation.LfResource;
import io.datamesh.lakeformation.ResourceLink;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one stack's account must look like live, taken from the offline plan.
 *
 * @param admins     the Lake Formation admins the stack adds to the account (others may exist)
 * @param grants     the grants the stack makes (their grantor is this account)
 * @param scope      the mesh's databases, tables, tags and locations, across all accounts: the grants on
 *                   them are the mesh's, so any not declared is drift
 * @param meshAccounts every account of the mesh, to tell the mesh's RAM invitations from others
 */
public record AccountExpectation(String stack, String accountId, String region, StackCredentials credentials,
                                 List<String> admins, int crossAccountVersion, List<Grant> grants, Scope scope,
                                 List<ResourceLink> links, List<QueryExpectation> queries, Set<String> meshAccounts) {
    public AccountExpectation {
        admins = List.copyOf(admins);
        grants = List.copyOf(grants);
        links = List.copyOf(links);
        queries = List.copyOf(queries);
        meshAccounts = Set.copyOf(meshAccounts);
    }

    /**
     * The databases whose computed permissions verify lists one by one, to confirm a declared grant the
     * account's unfiltered listing left out (it has been reported to answer only partly, boto3#3922; a
     * per-resource listing is how terraform-provider-aws reads a grant back): the account's own
     * databases and links, and those its grants name. Tables and LF-tag resources are not listed one
     * by one: moto 5.2.5 fails those filters (a KeyError on table-wildcard grants, LF-tag resources
     * rejected), so the tests could not cover it.
     */
    public List<LfResource.Database> listedDatabases() {
        var databases = new LinkedHashSet<LfResource.Database>();
        grants.stream().map(Grant::resource).filter(r -> r instanceof LfResource.Database)
                .forEach(r -> databases.add((LfResource.Database) r));
        scope.databases().stream().filter(d -> d.get(0).equals(accountId))
                .sorted(Comparator.comparing(d -> d.get(1)))
                .forEach(d -> databases.add(new LfResource.Database(d.get(0), d.get(1))));
        return List.copyOf(databases);
    }

    /**
     * @param databases [catalogId, name] of every catalog database and resource link of the mesh
     */
    public record Scope(Set<List<String>> databases, Set<String> tagKeys, Set<String> locations) {
        public Scope {
            databases = Set.copyOf(databases);
            tagKeys = Set.copyOf(tagKeys);
            locations = Set.copyOf(locations);
        }

        public boolean covers(LfResource resource) {
            if (resource instanceof LfResource.Database d) {
                return databases.contains(List.of(d.catalogId(), d.name()));
            }
            if (resource instanceof LfResource.Table t) {
                return databases.contains(List.of(t.catalogId(), t.database()));
            }
            if (resource instanceof LfResource.TableColumns t) {
                return databases.contains(List.of(t.catalogId(), t.database()));
            }
            if (resource instanceof LfResource.TagPolicy p) {
                return p.expression().clauses().keySet().stream().anyMatch(tagKeys::contains);
            }
            if (resource instanceof LfResource.TagValues v) {
                return tagKeys.contains(v.key());
            }
            return resource instanceof LfResource.DataLocation l && locations.contains(l.arn());
        }

        /** Databases and tables only: where IAM_ALLOWED_PRINCIPALS can be granted. */
        public boolean coversCatalogObject(LfResource resource) {
            return (resource instanceof LfResource.Database || resource instanceof LfResource.Table
                    || resource instanceof LfResource.TableColumns) && covers(resource);
        }
    }
}
