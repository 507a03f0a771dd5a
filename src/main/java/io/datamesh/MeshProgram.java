package io.datamesh;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.exceptions.RunException;
import io.datamesh.account.Diagnostics;
import io.datamesh.account.LakeFormationAdmins;
import io.datamesh.lakeformation.AccountSettings;
import io.datamesh.names.MeshNames;
import io.datamesh.central.CentralCatalog;
import io.datamesh.central.CentralCatalogArgs;
import io.datamesh.config.CentralSettings;
import io.datamesh.config.ConfigProblem;
import io.datamesh.config.ConsumerSettings;
import io.datamesh.config.ContractCheck;
import io.datamesh.config.DomainAccount;
import io.datamesh.config.ProducerSettings;
import io.datamesh.config.SampleData;
import io.datamesh.config.StackSettings;
import io.datamesh.consumer.ConsumerDomain;
import io.datamesh.consumer.ConsumerDomainArgs;
import io.datamesh.domain.CentralShare;
import io.datamesh.domain.SharedDataAccess;
import io.datamesh.producer.ProducerDomain;
import io.datamesh.producer.ProducerDomainArgs;
import io.datamesh.stackref.MeshOutputs;
import io.datamesh.stackref.ProducerExport;
import io.datamesh.stackref.ProducerOutput;
import io.datamesh.stackref.QueryRoles;
import io.datamesh.stackref.StackOutputs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one program of every stack: reads the other stacks' outputs it depends on, checks them, and
 * instantiates exactly one component for the stack's role.
 */
public final class MeshProgram {
    private MeshProgram() {
    }

    /** @return the warnings raised while the stack was defined */
    public static List<String> define(Context ctx, StackSettings settings, Path projectDir) {
        var diagnostics = new Diagnostics(ctx);
        // First, before any resource: wrong credentials or an account that is not ready stop here.
        AccountSettings lakeSettings = LakeFormationAdmins.prepare(settings.identity(),
                LakeFormationAdmins.createdByStack(settings), diagnostics);
        if (settings instanceof CentralSettings central) {
            central(ctx, central, lakeSettings, diagnostics);
        } else if (settings instanceof ProducerSettings producer) {
            producer(ctx, producer, projectDir, lakeSettings, diagnostics);
        } else if (settings instanceof ConsumerSettings consumer) {
            consumer(ctx, consumer, lakeSettings, diagnostics);
        }
        return diagnostics.warnings();
    }

    private static void central(Context ctx, CentralSettings settings, AccountSettings lakeSettings,
                                Diagnostics diagnostics) {
        Map<String, StackOutputs> domainStacks = new LinkedHashMap<>();
        settings.producers().forEach(d -> domainStacks.put(d.domain(), new StackOutputs("producer-" + d.domain(), d.stack(), null)));
        settings.consumers().forEach(d -> domainStacks.put(d.domain(), new StackOutputs("consumer-" + d.domain(), d.stack(), null)));
        List<ProducerExport> producers = new ArrayList<>();
        for (DomainAccount producer : settings.producers()) {
            domainStacks.get(producer.domain()).optionalVersioned(MeshOutputs.PRODUCER, ProducerOutput.class,
                    ProducerOutput.OLDEST_READ, ProducerOutput.VERSION).ifPresentOrElse(
                    output -> producers.add(checked(producer, output.toExport(), settings)),
                    () -> diagnostics.warn("producer '" + producer.domain() + "' (stack " + producer.stack()
                            + ") is configured but not deployed yet: skipped. Deploy it, then run this stack again."));
        }
        Map<String, QueryRoles> queryRoles = new LinkedHashMap<>();
        for (DomainAccount domain : Stream.concat(settings.producers().stream(), settings.consumers().stream()).toList()) {
            domainStacks.get(domain.domain()).optionalVersioned(MeshOutputs.QUERY_ROLES, QueryRoles.class,
                    QueryRoles.VERSION).ifPresentOrElse(
                    roles -> queryRoles.put(domain.domain(), checked(domain, roles)),
                    () -> diagnostics.warn("domain '" + domain.domain() + "' (stack " + domain.stack() + ") has not"
                            + " published its query roles yet: its grants wait. Deploy it, then run this stack again."));
        }
        var catalog = new CentralCatalog("central", new CentralCatalogArgs(settings, producers, queryRoles, lakeSettings));
        var databases = new LinkedHashMap<String, String>();
        producers.forEach(p -> databases.put(p.domain(), MeshNames.domainDatabase(p.domain())));
        ctx.export(MeshOutputs.CATALOG_ID, Output.of(settings.identity().accountId()));
        ctx.export(MeshOutputs.DATABASES, Output.of(databases));
        ctx.export(MeshOutputs.TAG_ONTOLOGY, Output.of(StackOutputs.toOutput(settings.tagOntology())));
        ctx.export(MeshOutputs.SHARES, Output.of(StackOutputs.toOutput(catalog.shares())));
        ctx.export(MeshOutputs.SHARED_TABLES, Output.of(catalog.catalog().tables().stream()
                .map(t -> t.qualifiedName()).toList()));
        ctx.export(MeshOutputs.LAKE_ADMIN_ROLE_ARN, catalog.lakeAdminRoleArn());
        ctx.export(MeshOutputs.CRAWLER_ROLE_ARN, catalog.crawlerRoleArn());
        ctx.export(MeshOutputs.REGISTRATION_ROLE_ARN, catalog.registrationRoleArn());
        ctx.export(MeshOutputs.CATALOG_KEY_ARN, catalog.catalogKeyArn());
        ctx.export(MeshOutputs.RAM_SHARING, Output.of(settings.ramSharing().configValue()));
    }

    /** Grants name the roles a domain publishes, so they must be roles of that domain's own account. */
    private static QueryRoles checked(DomainAccount domain, QueryRoles roles) {
        for (QueryRoles.Role role : roles.roles()) {
            if (!role.arn().startsWith("arn:aws:iam::" + domain.accountId() + ":role/")) {
                throw new RunException("stack " + domain.stack() + " publishes the query role " + role.arn()
                        + ", which is not a role of account " + domain.accountId() + " that datamesh:producers/consumers"
                        + " lists for domain '" + domain.domain() + "': fix the stack name or the account id.");
            }
        }
        return roles;
    }

    /** A producer's export must be the producer central onboarded, and fit the ontology. */
    private static ProducerExport checked(DomainAccount producer, ProducerExport export, CentralSettings settings) {
        if (!export.domain().equals(producer.domain()) || !export.accountId().equals(producer.accountId())) {
            throw new RunException("stack " + producer.stack() + " publishes domain '" + export.domain() + "' in account "
                    + export.accountId() + " but datamesh:producers lists '" + producer.domain() + "' in account "
                    + producer.accountId() + ": fix the stack name or the account id.");
        }
        List<ConfigProblem> problems = ContractCheck.againstOntology(export.databaseTags(), export.dataProducts(),
                settings.tagOntology());
        if (!problems.isEmpty()) {
            throw new RunException("the contracts of producer stack " + producer.stack() + " do not fit the central LF-tag ontology:\n  "
                    + problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n  ")));
        }
        return export;
    }

    private static void producer(Context ctx, ProducerSettings settings, Path projectDir, AccountSettings lakeSettings,
                                 Diagnostics diagnostics) {
        var central = new StackOutputs("central", settings.access().centralStack(), null);
        central.<Map<String, List<String>>>optional(MeshOutputs.TAG_ONTOLOGY, StackOutputs.mapOfStringLists()).ifPresent(ontology -> {
            List<ConfigProblem> problems = ContractCheck.againstOntology(settings.databaseTags(), settings.dataProducts(),
                    ontology);
            if (!problems.isEmpty()) {
                throw new RunException("this producer's contracts do not fit the LF-tag ontology of " + central.stack() + ":\n  "
                        + problems.stream().map(p -> p.line("stack " + ctx.stackName())).collect(Collectors.joining("\n  ")));
            }
        });
        var shared = CentralShare.read(central, settings.domain(), settings.access(), diagnostics);
        var domain = new ProducerDomain(settings.domain(), new ProducerDomainArgs(settings, shared.share(),
                shared.catalogKeyArn(), SampleData.resolve(projectDir, settings, "stack " + ctx.stackName()), lakeSettings),
                diagnostics);
        ctx.export(MeshOutputs.PRODUCER, domain.export().applyValue(export -> StackOutputs.toOutput(ProducerOutput.of(export))));
        exportAccess(ctx, domain.access());
    }

    private static void consumer(Context ctx, ConsumerSettings settings, AccountSettings lakeSettings,
                                 Diagnostics diagnostics) {
        var central = new StackOutputs("central", settings.access().centralStack(), null);
        var shared = CentralShare.read(central, settings.domain(), settings.access(), diagnostics);
        var domain = new ConsumerDomain(settings.domain(), new ConsumerDomainArgs(settings, shared.share(),
                shared.catalogKeyArn(), lakeSettings));
        exportAccess(ctx, domain.access());
    }

    private static void exportAccess(Context ctx, SharedDataAccess access) {
        ctx.export("analystRoleArns", Output.all(new ArrayList<>(access.analystRoleArns().values()))
                .applyValue(arns -> {
                    var names = new ArrayList<>(access.analystRoleArns().keySet());
                    var result = new LinkedHashMap<String, String>();
                    for (int i = 0; i < names.size(); i++) {
                        result.put(names.get(i), arns.get(i));
                    }
                    return result;
                }));
        ctx.export(MeshOutputs.QUERY_ROLES, access.queryRoles().applyValue(StackOutputs::toOutput));
        ctx.export("resourceLinks", Output.of(access.resourceLinks()));
        access.workgroupName().ifPresent(workgroup -> ctx.export("athenaWorkgroup", workgroup));
    }
}
