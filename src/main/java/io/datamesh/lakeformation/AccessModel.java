package io.datamesh.lakeformation;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Everything that decides who reads what in a mesh: the tagged catalogs, the resource links and
 * every grant, across all accounts.
 *
 * @param roles the IAM roles known to exist, whether or not anything was granted to them
 */
public record AccessModel(List<TaggedCatalog> catalogs, List<ResourceLink> links, List<Grant> grants,
                          List<Principal> roles) {
    public AccessModel {
        catalogs = List.copyOf(catalogs);
        links = List.copyOf(links);
        grants = List.copyOf(grants);
        roles = List.copyOf(roles);
    }

    public Optional<TaggedCatalog> catalog(String catalogId) {
        return catalogs.stream().filter(c -> c.catalogId().equals(catalogId)).findFirst();
    }

    /** The roles to answer for: the known ones and any other role a grant names, in that order. */
    public List<Principal> rolePrincipals() {
        return Stream.concat(roles.stream(), grants.stream().map(Grant::principal))
                .filter(p -> !p.isAccount()).distinct().toList();
    }
}
