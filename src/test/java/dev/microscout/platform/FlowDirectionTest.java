package dev.microscout.platform;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Changes flow one way: catalogue (influencer) → metrics → reputation → search read model (discovery). A step is
 * told by the one before it and never calls back up; these rules keep it so.
 */
class FlowDirectionTest {

    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.microscout");

    @Test
    void theCatalogueKnowsNothingOfMetricsReputationOrTheSearch() {
        // Its reads show channel figures through ChannelFigures, which the metrics feature implements.
        noClasses().that().resideInAPackage("dev.microscout.influencer..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.microscout.metrics..", "dev.microscout.reputation..",
                        "dev.microscout.discovery..")
                .check(PRODUCT);
    }

    @Test
    void metricsKnowNothingOfReputationOrTheSearch() {
        noClasses().that().resideInAPackage("dev.microscout.metrics..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.microscout.reputation..", "dev.microscout.discovery..")
                .check(PRODUCT);
    }

    @Test
    void reputationNeverReachesIntoTheSearch() {
        noClasses().that().resideInAPackage("dev.microscout.reputation..")
                .should().dependOnClassesThat().resideInAPackage("dev.microscout.discovery..")
                .check(PRODUCT);
    }

    @Test
    void webhooksKnowNothingOfTheFeaturesThatPublishThem() {
        noClasses().that().resideInAPackage("dev.microscout.webhook..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.microscout.influencer..", "dev.microscout.metrics..",
                        "dev.microscout.reputation..", "dev.microscout.discovery..", "dev.microscout.tier..")
                .check(PRODUCT);
    }

    @Test
    void theSearchReadModelTriggersNothingUpstream() {
        noClasses().that().haveSimpleName("SearchIndexer")
                .should().dependOnClassesThat().haveSimpleName("ReputationService")
                .orShould().dependOnClassesThat().haveSimpleName("ChannelMetricsService")
                .orShould().dependOnClassesThat().haveSimpleName("InfluencerService")
                .check(PRODUCT);
    }
}
