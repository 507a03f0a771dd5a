package io.datamesh.verify;

import io.datamesh.lakeformation.AccountSettings;
import io.datamesh.lakeformation.Grant;
import io.datamesh.lakeformation.LfResource;
import io.datamesh.lakeformation.ResourceLink;
import io.datamesh.util.ShellQuote;
import io.datamesh.verify.Finding.Check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Live state against the plan, one check at a time: pure functions over plain records. */
public final class Comparisons {
    private Comparisons() {
    }

    public static List<Finding> settings(AccountExpectation expected, AccountSettings live) {
        List<Finding> findings = new ArrayList<>();
        String up = up(expected);
        expected.admins().stream().filter(a -> !live.admins().contains(a)).forEach(a -> findings.add(
                Finding.of(expected, Check.SETTINGS, "admin " + a, "planned Lake Formation admin is not an admin of the account")
                        .withFix(up)));
        if (!live.defaultPermissionPrincipals().isEmpty()) {
            findings.add(Finding.of(expected, Check.SETTINGS, "default permissions",
                    "new databases and tables get permissions for " + live.defaultPermissionPrincipals()
                            + " (IAM-only access); the plan has none").withFix(up));
        }
        if (live.crossAccountVersion() != expected.crossAccountVersion()) {
            findings.add(Finding.of(expected, Check.SETTINGS, AccountSettings.CROSS_ACCOUNT_VERSION,
                    "is " + live.crossAccountVersion() + ", the plan pins " + expected.crossAccountVersion()).withFix(up));
        }
        return findings;
    }

    /** IAM_ALLOWED_PRINCIPALS on a mesh database or table lets IAM policies alone decide access there. */
    public static List<Finding> iamAllowedPrincipals(AccountExpectation expected, List<LiveGrant> live) {
        return live.stream()
                .filter(g -> g.principal().equals(LiveGrant.IAM_ALLOWED_PRINCIPALS))
                .filter(g -> g.resource().filter(expected.scope()::coversCatalogObject).isPresent())
                .map(g -> Finding.of(expected, Check.IAM_ALLOWED_PRINCIPALS, describe(g.principal(), g.resource().get()),
                                "IAM_ALLOWED_PRINCIPALS holds " + g.permissions() + ": IAM policies alone decide access here")
                        .withFix(revokeCommand(expected, g.principal(), g.permissions(), g.grantable(), g.resource().get())))
                .toList();
    }

    /**
     * Both ways: each declared grant's permissions are in force, and each permission granted on the
     * mesh's resources is declared. The account's planned admins are left out of the second half: Lake
     * Formation gives the creator of a database or table ALL on it, and admins can do everything anyway.
     *
     * @param listed    the account's grants as made (the unfiltered listing): the only evidence of drift
     * @param effective what Lake Formation computes per database (filtered listings): it only confirms a
     *                  declared grant the unfiltered listing left out, since it also holds what tag
     *                  policies reach, which no named grant declares
     */
    public static List<Finding> grants(AccountExpectation expected, List<LiveGrant> listed, List<LiveGrant> effective) {
        Map<Atom, String> planned = new LinkedHashMap<>();
        for (Grant g : expected.grants()) {
            atoms(g.principal().lakeFormationId(), g.resource(), g.permissions(), g.grantable())
                    .forEach(a -> planned.putIfAbsent(a, g.name()));
        }
        Set<Atom> granted = onMesh(expected, listed);
        Set<Atom> confirmed = new LinkedHashSet<>(granted);
        confirmed.addAll(onMesh(expected, effective));

        List<Finding> findings = new ArrayList<>();
        Map<String, List<Atom>> missing = planned.keySet().stream().filter(a -> !confirmed.contains(a))
                .collect(Collectors.groupingBy(planned::get, LinkedHashMap::new, Collectors.toList()));
        missing.forEach((name, atoms) -> findings.add(Finding.of(expected, Check.GRANT_MISSING,
                        describe(atoms.get(0).principal(), atoms.get(0).resource()),
                        "declared grant " + name + " is not in force: missing " + labels(atoms))
                .withFix("pulumi refresh -s " + ShellQuote.quote(expected.stack()) + " && " + up(expected))));

        // Grouped by principal and resource: one revoke command per resource, whatever Lake Formation lists apart.
        Map<List<Object>, List<Atom>> extra = granted.stream()
                .filter(a -> !expected.admins().contains(a.principal()))
                .filter(a -> !planned.containsKey(a) && !planned.containsKey(a.withGrantOption()))
                .collect(Collectors.groupingBy(a -> List.of(a.principal(), a.resource()), LinkedHashMap::new, Collectors.toList()));
        extra.values().forEach(atoms -> {
            Atom first = atoms.get(0);
            findings.add(Finding.of(expected, Check.GRANT_EXTRA, describe(first.principal(), first.resource()),
                            "not declared by any stack: " + labels(atoms))
                    .withFix(revokeCommand(expected, first.principal(), atoms.stream().map(Atom::permission).distinct().toList(),
                            atoms.stream().filter(Atom::grantable).map(Atom::permission).toList(), first.resource())));
        });
        return findings;
    }

    private static Set<Atom> onMesh(AccountExpectation expected, List<LiveGrant> live) {
        Set<Atom> atoms = new LinkedHashSet<>();
        live.stream()
                .filter(g -> g.resource().filter(expected.scope()::covers).isPresent())
                .filter(g -> !g.principal().equals(LiveGrant.IAM_ALLOWED_PRINCIPALS))
                .forEach(g -> atoms.addAll(atoms(g.principal(), g.resource().get(), g.permissions(), g.grantable())));
        return atoms;
    }

    /** @param live what Glue has under each planned link's name in the account (empty: no such database) */
    public static List<Finding> links(AccountExpectation expected, Map<String, Optional<ResourceLink>> live) {
        List<Finding> findings = new ArrayList<>();
        for (ResourceLink link : expected.links()) {
            Optional<ResourceLink> found = live.getOrDefault(link.name(), Optional.empty());
            String target = link.targetCatalogId() + ":" + link.targetDatabase();
            if (found.isEmpty()) {
                findings.add(Finding.of(expected, Check.RESOURCE_LINK, link.name(),
                        "resource link to " + target + " does not exist (or is not a link)").withFix(up(expected)));
            } else if (!found.get().equals(link)) {
                findings.add(Finding.of(expected, Check.RESOURCE_LINK, link.name(), "points at "
                        + found.get().targetCatalogId() + ":" + found.get().targetDatabase() + ", the plan at " + target)
                        .withFix(up(expected)));
            }
        }
        return findings;
    }

    /** The docs/verify.md section on what Athena needs of S3 and KMS beyond Lake Formation's grants. */
    static final String S3_AND_KMS_DOC = "S3 and KMS through Lake Formation";

    /** A probe that could not run never passes, not even one that must be refused: it tested nothing. */
    public static List<Finding> query(AccountExpectation expected, QueryExpectation query, QueryOutcome outcome) {
        if (outcome instanceof QueryOutcome.NotAssumed notAssumed) {
            return List.of(Finding.of(expected, Check.QUERY, query.subject(), "verify could not assume the role, so nothing"
                    + " was tested: " + notAssumed.reason() + ". The role trusts only its assumedBy principals"
                    + " (datamesh:analysts): add the principal verify runs as in this stack (its aws:assumeRole or aws:profile)"
                    + " to them").withFix(up(expected)));
        }
        if (outcome instanceof QueryOutcome.ResultsDenied denied) {
            return List.of(Finding.of(expected, Check.QUERY, query.subject(), "S3 or KMS refused the query's results location"
                    + " or its key, so access could not be checked: " + denied.reason()));
        }
        if (outcome instanceof QueryOutcome.DataDenied denied) {
            // Lake Formation authorized the query either way; where the plan gives nothing, that is the finding.
            return List.of(Finding.of(expected, Check.QUERY, query.subject(), query.mustBeRefused()
                    ? "Lake Formation let the role reach the table's data, which the plan gives it nothing of; only S3 or KMS"
                    + " stopped it: " + denied.reason()
                    : "Lake Formation gives columns " + query.columns() + " but S3 or KMS refused the table's data: "
                    + denied.reason() + ". See \"" + S3_AND_KMS_DOC + "\" in docs/verify.md"));
        }
        if (outcome instanceof QueryOutcome.Failed failed) {
            return List.of(Finding.of(expected, Check.QUERY, query.subject(), "the query failed, so access could not be"
                    + " checked: " + failed.reason()));
        }
        if (outcome instanceof QueryOutcome.Refused refused) {
            return query.mustBeRefused() ? List.of() : List.of(Finding.of(expected, Check.QUERY, query.subject(),
                    "refused (" + refused.reason() + "); the plan gives columns " + query.columns()));
        }
        var answer = (QueryOutcome.Columns) outcome;
        List<String> returned = answer.names();
        if (query.mustBeRefused()) {
            return List.of(Finding.of(expected, Check.QUERY, query.subject(),
                    "reads columns " + returned + " but the plan gives the role no access to this table"));
        }
        List<String> missing = query.columns().stream().filter(c -> !returned.contains(c)).toList();
        List<String> extra = returned.stream().filter(c -> !query.columns().contains(c)).toList();
        if (missing.isEmpty() && extra.isEmpty()) {
            // A one-row probe that read nothing fetched no object: it says nothing about S3 or KMS.
            return query.readsRow() && answer.rows() == 0 ? List.of(Finding.of(expected, Check.QUERY, query.subject(),
                    "read no row (the table has no data yet), so S3 and KMS were not exercised; run again once it has data"))
                    : List.of();
        }
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add("missing columns " + missing);
        }
        if (!extra.isEmpty()) {
            parts.add("extra columns " + extra);
        }
        return List.of(Finding.of(expected, Check.QUERY, query.subject(), String.join(", ", parts)
                + " (the plan gives " + query.columns() + ")"));
    }

    /** Outside an AWS Organization, shares from other mesh accounts wait for the receiver to accept them. */
    public static List<Finding> invitations(AccountExpectation expected, List<Invitation> live) {
        return live.stream()
                .filter(Invitation::isPending)
                .filter(i -> expected.meshAccounts().contains(i.senderAccountId()) && !i.senderAccountId().equals(expected.accountId()))
                .map(i -> Finding.of(expected, Check.RAM_INVITATION, i.shareName() + " (" + i.shareArn() + ")",
                                "pending invitation from mesh account " + i.senderAccountId() + "; accept it, or add the share"
                                        + " ARN to datamesh:ramShareArns and run " + up(expected))
                        .withFix("aws ram accept-resource-share-invitation --region " + ShellQuote.quote(expected.region())
                                + " --resource-share-invitation-arn " + ShellQuote.quote(i.arn())))
                .toList();
    }

    static String revokeCommand(AccountExpectation expected, String principal, List<String> permissions,
                                List<String> grantable, LfResource resource) {
        var command = new StringBuilder("aws lakeformation revoke-permissions --region ").append(ShellQuote.quote(expected.region()))
                .append(" --catalog-id ").append(ShellQuote.quote(expected.accountId()))
                .append(" --principal ").append(ShellQuote.quote("DataLakePrincipalIdentifier=" + principal))
                .append(" --permissions ").append(words(permissions));
        if (!grantable.isEmpty()) {
            command.append(" --permissions-with-grant-option ").append(words(grantable));
        }
        return command.append(" --resource ").append(ShellQuote.quote(CliResource.json(resource))).toString();
    }

    private static String words(List<String> values) {
        return values.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
    }

    private static String up(AccountExpectation expected) {
        return "pulumi up -s " + ShellQuote.quote(expected.stack());
    }

    private static String describe(String principal, LfResource resource) {
        return principal + " on " + CliResource.json(resource);
    }

    /** One permission of one principal on one resource, with or without the grant option. */
    private record Atom(String principal, LfResource resource, String permission, boolean grantable) {
        /** A declared grant whose grant option is missing is reported missing, not its remainder as extra. */
        Atom withGrantOption() {
            return new Atom(principal, resource, permission, true);
        }
    }

    private static List<Atom> atoms(String principal, LfResource resource, List<String> permissions, List<String> grantable) {
        LfResource normalized = normalize(resource);
        Set<String> all = new LinkedHashSet<>(permissions);
        all.addAll(grantable);
        return all.stream().map(p -> new Atom(principal, normalized, p, grantable.contains(p))).toList();
    }

    /** Tag values are a set to Lake Formation: the order they are listed in means nothing. */
    private static LfResource normalize(LfResource resource) {
        return resource instanceof LfResource.TagValues v
                ? new LfResource.TagValues(v.catalogId(), v.key(), v.values().stream().sorted().toList()) : resource;
    }

    private static String labels(List<Atom> atoms) {
        return atoms.stream().map(a -> a.permission() + (a.grantable() ? " (with grant option)" : ""))
                .collect(Collectors.joining(", "));
    }
}
