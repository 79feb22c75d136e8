package dev.lakesentry.archtests;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.lakesentry.api.store.LedgerBuilder;
import dev.lakesentry.api.store.LedgerWriter;
import dev.lakesentry.archfixtures.api.CleanApiType;
import dev.lakesentry.archfixtures.core.CoreThing;
import dev.lakesentry.archfixtures.core.transform.TidyTransform;
import dev.lakesentry.archfixtures.cycle.a.A;
import dev.lakesentry.archfixtures.detectors.CleanDetector;
import dev.lakesentry.archfixtures.spi.SneakyLoader;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every rule of {@link LakeSentryRules}, applied to planted fixtures: it must fail on the violating
 * class and name it, and pass on a clean one. So no rule can pass vacuously.
 */
class RuleFixturesTest {
    private static final String FIX = "dev.lakesentry.archfixtures";

    private static JavaClasses fixtures;

    @BeforeAll
    static void importFixtures() {
        fixtures = new ClassFileImporter().importPackages(FIX);
    }

    private static void failsNaming(ArchRule rule, String... offenders) {
        var assertion = assertThatThrownBy(() -> rule.check(fixtures)).isInstanceOf(AssertionError.class);
        for (String offender : offenders) {
            assertion.hasMessageContaining(offender);
        }
    }

    private static void passesOn(ArchRule rule, Class<?>... clean) {
        assertThatCode(() -> rule.check(new ClassFileImporter().importClasses(clean))).doesNotThrowAnyException();
    }

    @Test
    void apiRule() {
        ArchRule rule = LakeSentryRules.apiDependsOnNothingButTheJdk(FIX + ".api");
        failsNaming(rule, "LeakyApiType", "LoggingApiType", "org.slf4j.Logger");
        passesOn(rule, CleanApiType.class);
    }

    @Test
    void pluginRule() {
        ArchRule rule = LakeSentryRules.dependsOnlyOnTheApi(FIX + ".detectors", FIX + ".api", FIX);
        failsNaming(rule, "ReachingDetector", "CoreThing");
        passesOn(rule, CleanDetector.class, CleanApiType.class);
    }

    @Test
    void stageRule() {
        ArchRule rule = LakeSentryRules.stageUsesOnlyItsOwnWriters(FIX + ".core.transform", Layers.ALL_WRITERS,
                Set.of(LedgerWriter.class, LedgerBuilder.class));
        failsNaming(rule, "GreedyTransform", "RawWriter");
        passesOn(rule, TidyTransform.class);
    }

    @Test
    void compositionRootRule() {
        ArchRule rule = LakeSentryRules.onlyStagesAndTheCompositionRootTouchWriters(FIX + ".core",
                Set.of(FIX + ".core.transform"), FIX + ".core.Root", Layers.ALL_WRITERS);
        failsNaming(rule, "WriterHoarder", "MetricsWriter");
        passesOn(rule, CoreThing.class, TidyTransform.class);
    }

    @Test
    void cycleRule() {
        failsNaming(LakeSentryRules.noPackageCycles(FIX + ".cycle"), "cycle.a", "cycle.b");
        passesOn(LakeSentryRules.noPackageCycles(FIX + ".cycle"), A.class);
    }

    @Test
    void consoleRule() {
        failsNaming(LakeSentryRules.noConsoleOutput(FIX), "Printer", "System.out", "Tracer", "printStackTrace");
        passesOn(LakeSentryRules.noConsoleOutput(FIX), CleanApiType.class);
    }

    @Test
    void wallClockRule() {
        failsNaming(LakeSentryRules.noWallClock(FIX), "WallClock", "Instant.now()");
        passesOn(LakeSentryRules.noWallClock(FIX), CleanApiType.class);
    }

    @Test
    void serviceLoaderRule() {
        ArchRule rule = LakeSentryRules.onlyTheRegistryUsesServiceLoader(FIX, FIX + ".spi.SneakyLoader.Nope");
        failsNaming(rule, "SneakyLoader", "ServiceLoader");
        passesOn(rule, CleanApiType.class);
        passesOn(LakeSentryRules.onlyTheRegistryUsesServiceLoader(FIX, SneakyLoader.class.getName()), SneakyLoader.class,
                CleanApiType.class);
    }

    @Test
    void internalRule() {
        ArchRule rule = LakeSentryRules.internalIsPrivateToItsModule(FIX + ".api");
        failsNaming(rule, "InternalUser", "Helper");
        passesOn(rule, CoreThing.class, CleanApiType.class);
    }
}
