package io.datamesh.verify;

import io.datamesh.lakeformation.LfResource;
import io.datamesh.lakeformation.ResourceLink;
import io.datamesh.verify.Finding.Check;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Reads every selected account and compares it with its expectation, reporting progress as it goes. */
public final class Verifier {
    private static final String CREDENTIALS = "credentials";
    private static final String IDENTIFY_CALLER = "identify the caller";
    private static final Set<String> UNREADABLE = Set.of(CREDENTIALS, IDENTIFY_CALLER);

    private Verifier() {
    }

    /**
     * @param checked how many planned items (admins, settings, grants, links, queries) were compared
     */
    public record Report(List<Finding> findings, int checked) {
        public Report {
            findings = List.copyOf(findings);
        }

        public boolean matches() {
            return findings.isEmpty();
        }

        /**
         * The findings of accounts that could not be read at all (no credentials, another account's,
         * STS refusing): nothing of those accounts was compared, so they are not drift.
         */
        public List<Finding> unreadable() {
            return findings.stream().filter(f -> f.check() == Check.ACCESS_TO_ACCOUNT && UNREADABLE.contains(f.subject())).toList();
        }
    }

    public static Report run(List<AccountExpectation> accounts, AccountReader.Factory readers, Consumer<String> progress) {
        List<Finding> findings = new ArrayList<>();
        int checked = 0;
        for (AccountExpectation account : accounts) {
            progress.accept(account.stack() + " (" + account.accountId() + "): connecting");
            var step = new Step(account, findings);
            try (AccountReader reader = readers.open(account)) {
                Optional<String> caller = step.read(IDENTIFY_CALLER, reader::callerAccount);
                if (caller.isPresent() && !caller.get().equals(account.accountId())) {
                    findings.add(Finding.of(account, Check.ACCESS_TO_ACCOUNT, CREDENTIALS, "belong to account " + caller.get()
                            + ", not " + account.accountId()));
                } else if (caller.isPresent()) {
                    checked += check(account, reader, step, progress);
                }
            } catch (SdkException | IllegalStateException e) {
                findings.add(Finding.of(account, Check.ACCESS_TO_ACCOUNT, CREDENTIALS, "cannot open the account: " + e.getMessage()));
            }
        }
        return new Report(findings, checked);
    }

    /** Every check of one account whose credentials are its own; the number of planned items compared. */
    private static int check(AccountExpectation account, AccountReader reader, Step step, Consumer<String> progress) {
        List<Finding> findings = step.findings();
        progress.accept(account.stack() + ": settings");
        step.read("read the data lake settings", reader::settings)
                .ifPresent(live -> findings.addAll(Comparisons.settings(account, live)));
        progress.accept(account.stack() + ": grants");
        step.read("list the permissions", reader::grants).ifPresent(listed -> {
            // Each database apart: one that cannot be listed (not deployed yet, say) leaves the others' grants checked.
            List<LiveGrant> effective = new ArrayList<>();
            for (LfResource.Database database : account.listedDatabases()) {
                step.read("list the permissions on database " + database.catalogId() + ":" + database.name(),
                        () -> reader.effectiveGrants(database)).ifPresent(effective::addAll);
            }
            long unmodelled = listed.stream().filter(g -> g.resource().isEmpty()).count();
            progress.accept(account.stack() + ": " + listed.size() + " permission entries granted, "
                    + account.grants().size() + " declared" + (unmodelled == 0 ? "" : ", " + unmodelled
                    + " not compared (catalog, data cells filter, saved LF-tag expression or every-table column grants)"));
            findings.addAll(Comparisons.iamAllowedPrincipals(account, listed));
            findings.addAll(Comparisons.grants(account, listed, effective));
        });
        Map<String, Optional<ResourceLink>> links = new LinkedHashMap<>();
        for (ResourceLink link : account.links()) {
            step.read("read resource link " + link.name(), () -> reader.link(link.name()))
                    .ifPresent(found -> links.put(link.name(), found));
        }
        if (links.size() == account.links().size()) {
            findings.addAll(Comparisons.links(account, links));
        }
        for (QueryExpectation query : account.queries()) {
            progress.accept(account.stack() + ": query as " + query.role().role().orElseThrow() + ": " + query.sql());
            step.read("query as " + query.role().lakeFormationId(), () -> reader.query(query))
                    .ifPresent(outcome -> findings.addAll(Comparisons.query(account, query, outcome)));
        }
        progress.accept(account.stack() + ": RAM invitations");
        step.read("list RAM invitations", reader::invitations)
                .ifPresent(live -> findings.addAll(Comparisons.invitations(account, live)));
        return account.admins().size() + 2 + account.grants().size() + account.links().size() + account.queries().size();
    }

    /** A failed read becomes a finding, so one denied call never hides the other checks. */
    private record Step(AccountExpectation account, List<Finding> findings) {
        <T> Optional<T> read(String what, Supplier<T> call) {
            try {
                return Optional.of(call.get());
            } catch (SdkException e) {
                findings.add(Finding.of(account, Check.ACCESS_TO_ACCOUNT, what, "could not " + what + ": " + e.getMessage()));
                return Optional.empty();
            }
        }
    }
}
