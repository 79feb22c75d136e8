package dev.lakesentry.archtests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.conditions.ArchConditions;
import com.tngtech.archunit.lang.syntax.elements.GivenClassesConjunction;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The global architecture rules, each a function of the packages it guards, so the same rule is
 * checked against the real modules and, in {@code RuleFixturesTest}, against a planted violation.
 */
final class LakeSentryRules {
    private LakeSentryRules() {
    }

    /** The API depends on the JDK and itself only: nothing of ours, no third-party type. */
    static ArchRule apiDependsOnNothingButTheJdk(String apiPackage) {
        return classes().that().resideInAPackage(apiPackage + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", apiPackage + "..")
                .because("plugin authors compile against lakesentry-api alone (ARCHITECTURE.md §2)");
    }

    /** A module that may depend on the API only, of all our modules (plugins, the collector). */
    static ArchRule dependsOnlyOnTheApi(String modulePackage, String apiPackage, String ourRoot) {
        return noClasses().that().resideInAPackage(modulePackage + "..")
                .should().dependOnClassesThat(ours(ourRoot, apiPackage, modulePackage))
                .because(modulePackage + " may depend on " + apiPackage + " only, so a third party can write the same"
                        + " code with the same jars");
    }

    /** Core depends on the API only, of all our modules: it never reaches into a store, plugin or sample. */
    static ArchRule coreDependsOnlyOnTheApi(String corePackage, String apiPackage, String ourRoot) {
        return dependsOnlyOnTheApi(corePackage, apiPackage, ourRoot);
    }

    private static DescribedPredicate<JavaClass> ours(String ourRoot, String apiPackage, String self) {
        return new DescribedPredicate<>("are in " + ourRoot + " but neither in " + apiPackage + " nor in " + self) {
            @Override
            public boolean test(JavaClass c) {
                String p = c.getPackageName();
                return inPackage(p, ourRoot) && !inPackage(p, apiPackage) && !inPackage(p, self);
            }
        };
    }

    /**
     * A stage package touches only its own layer's writers: it must not depend on any writer type
     * outside {@code allowedWriters}.
     */
    static ArchRule stageUsesOnlyItsOwnWriters(String stagePackage, Set<Class<?>> allWriters, Set<Class<?>> allowedWriters) {
        Class<?>[] forbidden = allWriters.stream().filter(w -> !allowedWriters.contains(w)).toArray(Class<?>[]::new);
        return noClasses().that().resideInAPackage(stagePackage + "..")
                .should().dependOnClassesThat(assignableToAny(forbidden))
                .because("only the stage that owns a layer writes it (ARCHITECTURE.md §1)");
    }

    /**
     * Outside the stage packages and the composition root, core holds no writer at all: writers are
     * handed out by the composition root to the stage that owns them.
     */
    static ArchRule onlyStagesAndTheCompositionRootTouchWriters(String corePackage, Set<String> stagePackages,
                                                                String compositionRoot, Set<Class<?>> allWriters) {
        GivenClassesConjunction given = noClasses().that().resideInAPackage(corePackage + "..")
                .and().doNotHaveFullyQualifiedName(compositionRoot);
        for (String stage : stagePackages) {
            given = given.and().resideOutsideOfPackage(stage + "..");
        }
        return given.should().dependOnClassesThat(assignableToAny(allWriters.toArray(Class<?>[]::new)))
                .because("a writer reaches a stage only from the composition root " + compositionRoot);
    }

    private static DescribedPredicate<JavaClass> assignableToAny(Class<?>[] types) {
        return new DescribedPredicate<>("are assignable to any of " + Arrays.stream(types).map(Class::getSimpleName).toList()) {
            @Override
            public boolean test(JavaClass c) {
                return Arrays.stream(types).anyMatch(c::isAssignableTo);
            }
        };
    }

    /** No package cycles below the root. */
    static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles();
    }

    /** Library code logs through SLF4J: never System.out, System.err or printStackTrace. */
    static ArchRule noConsoleOutput(String... libraryPackages) {
        return noClasses().that().resideInAnyPackage(withSubpackages(libraryPackages))
                .should(ArchConditions.accessField(System.class, "out"))
                .orShould(ArchConditions.accessField(System.class, "err"))
                .orShould(ArchConditions.callMethodWhere(new DescribedPredicate<JavaMethodCall>("Throwable.printStackTrace()") {
                    @Override
                    public boolean test(JavaMethodCall call) {
                        return call.getName().equals("printStackTrace")
                                && call.getTargetOwner().isAssignableTo(Throwable.class);
                    }
                }))
                .because("library code logs through SLF4J, so the host decides where output goes");
    }

    /** Library code takes a {@link java.time.Clock}: it never reads the wall clock directly. */
    static ArchRule noWallClock(String... libraryPackages) {
        return noClasses().that().resideInAnyPackage(withSubpackages(libraryPackages))
                .should(ArchConditions.callMethod(Instant.class, "now"))
                .orShould(ArchConditions.callMethod(System.class, "currentTimeMillis"))
                .orShould(ArchConditions.callMethod(LocalDate.class, "now"))
                .orShould(ArchConditions.callMethod(LocalDateTime.class, "now"))
                .orShould(ArchConditions.callMethod(OffsetDateTime.class, "now"))
                .orShould(ArchConditions.callMethod(ZonedDateTime.class, "now"))
                .because("nothing in a layer may depend on the wall clock; take an injected java.time.Clock");
    }

    /** Only the plugin registry uses ServiceLoader. */
    static ArchRule onlyTheRegistryUsesServiceLoader(String root, String registryClass) {
        DescribedPredicate<JavaClass> registry = new DescribedPredicate<>("are " + registryClass + " or nested in it") {
            @Override
            public boolean test(JavaClass c) {
                return c.getName().equals(registryClass) || c.getName().startsWith(registryClass + "$");
            }
        };
        return noClasses().that().resideInAPackage(root + "..").and(DescribedPredicate.not(registry))
                .should().dependOnClassesThat().areAssignableTo(ServiceLoader.class)
                .because("all ServiceLoader use sits behind one seam that takes a ClassLoader");
    }

    /** A module's internal package is used by that module alone. */
    static ArchRule internalIsPrivateToItsModule(String modulePackage) {
        return noClasses().that().resideOutsideOfPackage(modulePackage + "..")
                .should().dependOnClassesThat().resideInAPackage(modulePackage + ".internal..")
                .because(modulePackage + ".internal is not API");
    }

    private static String[] withSubpackages(String... packages) {
        return Arrays.stream(packages).map(p -> p + "..").toArray(String[]::new);
    }

    private static boolean inPackage(String pkg, String root) {
        return pkg.equals(root) || pkg.startsWith(root + ".");
    }
}
