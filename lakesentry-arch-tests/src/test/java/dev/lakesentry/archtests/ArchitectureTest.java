package dev.lakesentry.archtests;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.lakesentry.api.store.ActionWriter;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The global rules, checked against the main code of every module. A rule about a module whose
 * content has not landed yet is added with that content (see this module's README); ArchUnit's
 * default of failing a rule that matches no class stays on.
 */
class ArchitectureTest {
    private static final String ROOT = "dev.lakesentry";
    private static final String API = "dev.lakesentry.api";
    private static final String CORE = "dev.lakesentry.core";
    /** Every library module's root package; the sample runner (a CLI) may print to the console. */
    private static final String[] LIBRARY = {API, CORE, "dev.lakesentry.store.jdbc", "dev.lakesentry.detectors",
            "dev.lakesentry.executors", "dev.lakesentry.collector", "dev.lakesentry.http", "dev.lakesentry.testkit"};

    private static JavaClasses classes;

    @BeforeAll
    static void importMainCode() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT, "com.example.lakesentry");
    }

    @Test
    void apiDependsOnNothingButTheJdk() {
        LakeSentryRules.apiDependsOnNothingButTheJdk(API).check(classes);
    }

    @Test
    void coreDependsOnlyOnTheApi() {
        LakeSentryRules.coreDependsOnlyOnTheApi(CORE, API, ROOT).check(classes);
    }

    @Test
    void theCollectorDependsOnlyOnTheApi() {
        LakeSentryRules.dependsOnlyOnTheApi("dev.lakesentry.collector", API, ROOT).check(classes);
    }

    @Test
    void theBuiltInDetectorsDependOnlyOnTheApi() {
        LakeSentryRules.dependsOnlyOnTheApi("dev.lakesentry.detectors", API, ROOT).check(classes);
    }

    @Test
    void theSamplePluginDependsOnlyOnTheApi() {
        LakeSentryRules.dependsOnlyOnTheApi("com.example.lakesentry", API, ROOT).check(classes);
    }

    @Test
    void theBuiltInExecutorsDependOnlyOnTheApi() {
        LakeSentryRules.dependsOnlyOnTheApi("dev.lakesentry.executors", API, ROOT).check(classes);
    }

    @Test
    void theExecutionStageWritesOnlyTheActionLog() {
        LakeSentryRules.stageUsesOnlyItsOwnWriters("dev.lakesentry.core.execution", Layers.ALL_WRITERS,
                Set.of(ActionWriter.class)).check(classes);
    }

    @Test
    void theTestKitDependsOnlyOnTheApi() {
        LakeSentryRules.dependsOnlyOnTheApi("dev.lakesentry.testkit", API, ROOT).check(classes);
    }

    @Test
    void onlyStagesAndTheCompositionRootTouchWriters() {
        LakeSentryRules.onlyStagesAndTheCompositionRootTouchWriters(CORE, Layers.CORE_STAGES.keySet(),
                Layers.COMPOSITION_ROOT, Layers.ALL_WRITERS).check(classes);
    }

    @Test
    void noPackageCycles() {
        LakeSentryRules.noPackageCycles(ROOT).check(classes);
    }

    @Test
    void libraryCodeNeverPrints() {
        LakeSentryRules.noConsoleOutput(LIBRARY).check(classes);
    }

    @Test
    void libraryCodeNeverReadsTheWallClock() {
        LakeSentryRules.noWallClock(LIBRARY).check(classes);
    }

    @Test
    void onlyThePluginRegistryUsesServiceLoader() {
        LakeSentryRules.onlyTheRegistryUsesServiceLoader(ROOT, "dev.lakesentry.core.plugin.PluginRegistry").check(classes);
    }

    @Test
    void theApiInternalPackageIsPrivateToTheApi() {
        LakeSentryRules.internalIsPrivateToItsModule(API).check(classes);
    }
}
