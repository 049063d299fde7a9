package org.compactbot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The rules that keep the house straight (docs/ARCHITECTURE.md, "Rules"): a core that knows no channel, channels that
 * know neither each other nor storage, a store that implements the core's ports, and no package cycles.
 */
@AnalyzeClasses(packages = "org.compactbot", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    static final String[] CORE = {"org.compactbot.knowledge..", "org.compactbot.conversation..", "org.compactbot.cases.."};
    static final String[] CHANNELS = {"org.compactbot.mail..", "org.compactbot.slack..", "org.compactbot.web.."};

    @ArchTest
    static final ArchRule theCoreKnowsNoChannelStoreOrCommandLine = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("org.compactbot.mail..", "org.compactbot.slack..",
                    "org.compactbot.web..", "org.compactbot.cli..", "org.compactbot.store..", "org.compactbot.app..",
                    "org.compactbot.metrics..", "org.compactbot")
            .because("the dialogue, the Compact texts and the cases are the same whichever channel or database serves them");

    @ArchTest
    static final ArchRule mailKnowsNoOtherChannel = channelKnowsNoOther("org.compactbot.mail..");

    @ArchTest
    static final ArchRule slackKnowsNoOtherChannel = channelKnowsNoOther("org.compactbot.slack..");

    @ArchTest
    static final ArchRule webKnowsNoOtherChannel = channelKnowsNoOther("org.compactbot.web..");

    @ArchTest
    static final ArchRule theStoreKnowsNoChannel = noClasses().that().resideInAPackage("org.compactbot.store..")
            .should().dependOnClassesThat().resideInAnyPackage(CHANNELS)
            .orShould().dependOnClassesThat().resideInAnyPackage("org.compactbot.cli..", "org.compactbot.app..", "org.compactbot")
            .because("storage serves the core's ports; a channel's types never reach a table");

    @ArchTest
    static final ArchRule theStoreImplementsOnlyTheCoresPorts = classes().that().resideInAPackage("org.compactbot.store..")
            .should(implementOnlyInterfacesOfTheCoreOrTheJdk());

    @ArchTest
    static final ArchRule onlyTheLauncherAndTheRootSeeEverything = noClasses()
            .that().resideOutsideOfPackages("org.compactbot", "org.compactbot.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.compactbot", "org.compactbot.cli..")
            .because("Main and the command line sit on top: nothing below them calls up");

    @ArchTest
    static final ArchRule addressesFromRequestsAreNeverLookedUp = noClasses()
            .that().resideInAnyPackage("org.compactbot.config..", "org.compactbot.web..")
            .should().callMethod(java.net.InetAddress.class, "getByName", String.class)
            .orShould().callMethod(java.net.InetAddress.class, "getAllByName", String.class)
            .because("a client or X-Forwarded-For address is parsed as a literal (AddressRange); resolving it would make a "
                    + "DNS query on the request thread for any text a caller sends");

    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("org.compactbot.(*)..").should().beFreeOfCycles();

    private static ArchRule channelKnowsNoOther(String channel) {
        String[] others = java.util.Arrays.stream(CHANNELS).filter(c -> !c.equals(channel)).toArray(String[]::new);
        return noClasses().that().resideInAPackage(channel)
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .orShould().dependOnClassesThat().resideInAnyPackage("org.compactbot.store..", "org.compactbot.app..", "org.compactbot")
                .because("a channel turns its input into the engine's message and renders the engine's reply; the composition root connects them");
    }

    private static ArchCondition<JavaClass> implementOnlyInterfacesOfTheCoreOrTheJdk() {
        DescribedPredicate<JavaClass> allowed = DescribedPredicate.describe("a core port or a JDK interface", i ->
                !i.getPackageName().startsWith("org.compactbot.") || i.getPackageName().startsWith("org.compactbot.store")
                        || java.util.Arrays.stream(CORE).anyMatch(p -> i.getPackageName().startsWith(p.replace("..", ""))));
        return new ArchCondition<>("implement only interfaces declared in the core (knowledge, conversation, cases) or the JDK") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                for (JavaClass i : c.getAllRawInterfaces()) {
                    if (!allowed.test(i)) {
                        events.add(SimpleConditionEvent.violated(c, c.getName() + " implements " + i.getName()
                                + ", which is not declared in knowledge, conversation or cases"));
                    }
                }
            }
        };
    }
}
