package io.datamesh.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The allowed dependencies between the packages of the program, written down once. Each layer
 * names the layers it may use; anything else (a component reaching into the planner, the policy
 * engine reaching into the plan, config reaching into the resources it configures) fails the build.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.datamesh");
    }

    /** From the bottom up: a layer may use only the layers named after it. */
    static final Architectures.LayeredArchitecture LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            // A resource as the engine registers it, physical names, ordered copies: shared by everything.
            .layer("Foundation").definedBy("io.datamesh.util..", "io.datamesh.resource..", "io.datamesh.names..")
            // Lake Formation's semantics (tags, grants, access), pure and read from planned resources.
            .layer("LakeFormation").definedBy("io.datamesh.lakeformation..")
            .layer("Quota").definedBy("io.datamesh.quota..")
            // YAML -> validated records, and the records stacks publish to each other.
            .layer("Config").definedBy("io.datamesh.config..", "io.datamesh.stackref..")
            .layer("BuildingBlocks").definedBy("io.datamesh.iam..", "io.datamesh.account..")
            .layer("Components").definedBy("io.datamesh.domain..", "io.datamesh.central..",
                    "io.datamesh.producer..", "io.datamesh.consumer..")
            .layer("Program").definedBy("io.datamesh")
            .layer("Plan").definedBy("io.datamesh.plan..", "io.datamesh.scale..")
            .layer("Policy").definedBy("io.datamesh.policy..")
            .layer("Access").definedBy("io.datamesh.access..")
            .layer("Verify").definedBy("io.datamesh.verify..")
            .layer("Deploy").definedBy("io.datamesh.deploy..")
            .layer("Preflight").definedBy("io.datamesh.preflight..")
            .layer("Cli").definedBy("io.datamesh.cli..")

            .whereLayer("Foundation").mayNotAccessAnyLayer()
            .whereLayer("LakeFormation").mayOnlyAccessLayers("Foundation")
            .whereLayer("Quota").mayOnlyAccessLayers("Foundation")
            .whereLayer("Config").mayOnlyAccessLayers("Foundation", "LakeFormation", "Quota")
            .whereLayer("BuildingBlocks").mayOnlyAccessLayers("Foundation", "LakeFormation", "Config")
            .whereLayer("Components").mayOnlyAccessLayers("Foundation", "LakeFormation", "Config", "BuildingBlocks")
            .whereLayer("Program").mayOnlyAccessLayers("Foundation", "LakeFormation", "Config", "BuildingBlocks",
                    "Components")
            // The offline planner runs the program; the policy engine judges resources, whoever planned them.
            .whereLayer("Plan").mayOnlyAccessLayers("Foundation", "Quota", "Config", "Program")
            .whereLayer("Policy").mayOnlyAccessLayers("Foundation", "LakeFormation")
            .whereLayer("Access").mayOnlyAccessLayers("Foundation", "LakeFormation", "Config", "Plan", "Policy")
            .whereLayer("Verify").mayOnlyAccessLayers("Foundation", "LakeFormation", "Config", "Plan", "Policy",
                    "Access")
            // Around its Pulumi steps, up merges settings as preflight does and reaches accounts as verify does.
            .whereLayer("Deploy").mayOnlyAccessLayers("Foundation", "LakeFormation", "Config", "Plan", "Verify", "Preflight")
            // Preflight merges settings as a stack does (account) and reaches accounts as verify does.
            .whereLayer("Preflight").mayOnlyAccessLayers("Foundation", "LakeFormation", "Config", "BuildingBlocks", "Verify")
            .whereLayer("Cli").mayOnlyAccessLayers("Foundation", "LakeFormation", "Quota", "Config", "Plan",
                    "Policy", "Access", "Verify", "Deploy", "Preflight")
            .whereLayer("Cli").mayNotBeAccessedByAnyLayer();

    @Test
    void packagesKeepToTheirLayers() {
        LAYERS.check(classes);
    }

    /** Outside the policy package, only the engine's verdicts are used: a rule's helper is no shared model. */
    @Test
    void policyRulesAndTheAnalyzerServerAreUsedOnlyByThePolicyPacks() {
        noClasses().that().resideOutsideOfPackage("io.datamesh.policy..")
                .should().dependOnClassesThat().resideInAnyPackage("io.datamesh.policy.rules..", "io.datamesh.policy.analyzer..")
                .check(classes);
    }

    @Test
    void noCyclesBetweenTopLevelPackages() {
        ArchRule rule = slices().matching("io.datamesh.(*)..").should().beFreeOfCycles();
        rule.check(classes);
    }

    /** Sub-packages too: the policy engine, its rules and the analyzer server form no cycle either. */
    @Test
    void noCyclesBetweenAnyPackages() {
        ArchRule rule = slices().matching("io.datamesh.(**)").should().beFreeOfCycles();
        rule.check(classes);
    }
}
