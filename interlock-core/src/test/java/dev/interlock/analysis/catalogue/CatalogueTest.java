package dev.interlock.analysis.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogueTest {

    private final Catalogue catalogue = Catalogue.shipped();

    @Test
    void theShippedCatalogueCoversEveryCloudAndKubernetes() {
        List<CatalogueEntry> data = catalogue.entries().stream().filter(CatalogueEntry::holdsData).toList();
        assertThat(data).hasSizeGreaterThanOrEqualTo(60);
        assertThat(data).extracting(CatalogueEntry::type)
                .anyMatch(t -> t.startsWith("aws_")).anyMatch(t -> t.startsWith("google_"))
                .anyMatch(t -> t.startsWith("azurerm_")).contains("PersistentVolumeClaim", "Namespace");
        assertThat(catalogue.entries()).filteredOn(e -> !e.holdsData()).extracting(CatalogueEntry::type)
                .contains("aws_iam_role", "aws_vpc", "aws_lb", "google_service_account", "azurerm_virtual_network");
        Set<String> names = new HashSet<>();
        for (CatalogueEntry e : catalogue.entries()) {
            assertThat(names.add(e.type().toLowerCase())).as("%s listed twice", e.type()).isTrue();
            for (String a : e.also()) {
                assertThat(names.add(a.toLowerCase())).as("%s (also of %s) listed twice", a, e.type()).isTrue();
            }
        }
    }

    @Test
    void everyToolsSpellingFindsTheSameEntry() {
        assertThat(catalogue.lookup("AWS::RDS::DBInstance")).get().extracting(CatalogueEntry::type).isEqualTo("aws_db_instance");
        assertThat(catalogue.lookup("aws:rds/instance:Instance")).get().extracting(CatalogueEntry::type).isEqualTo("aws_db_instance");
        assertThat(catalogue.lookup("kubernetes_persistent_volume_claim_v1")).get().extracting(CatalogueEntry::type)
                .isEqualTo("PersistentVolumeClaim");
        assertThat(catalogue.lookup("null_resource")).isEmpty();
    }

    @Test
    void attributesDecideWhatADeleteDoesToTheData() {
        CatalogueEntry db = catalogue.lookup("aws_db_instance").orElseThrow();
        assertThat(db.outcome(Map.of("skip_final_snapshot", "true", "deletion_protection", "false"))).isEqualTo(Outcome.LOST);
        assertThat(db.outcome(Map.of("skipFinalSnapshot", "false"))).isEqualTo(Outcome.KEPT);
        assertThat(db.outcome(Map.of("DeletionProtection", "true", "skip_final_snapshot", "true"))).isEqualTo(Outcome.REFUSED);
        assertThat(db.outcome(Map.of())).as("nothing known: assume the worst").isEqualTo(Outcome.LOST);
        assertThat(db.decidedBy(Map.of("deletionProtection", "true"))).isEqualTo("deletionProtection=true");
        CatalogueEntry bucket = catalogue.lookup("google_storage_bucket").orElseThrow();
        assertThat(bucket.outcome(Map.of("force_destroy", "false"))).isEqualTo(Outcome.REFUSED);
        assertThat(bucket.outcome(Map.of("force_destroy", "true"))).isEqualTo(Outcome.LOST);
        CatalogueEntry secret = catalogue.lookup("aws_secretsmanager_secret").orElseThrow();
        assertThat(secret.outcome(Map.of("recovery_window_in_days", "0"))).isEqualTo(Outcome.LOST);
        assertThat(secret.outcome(Map.of("recovery_window_in_days", "30"))).isEqualTo(Outcome.KEPT);
        CatalogueEntry cache = catalogue.lookup("aws_elasticache_replication_group").orElseThrow();
        assertThat(cache.outcome(Map.of("final_snapshot_identifier", "final"))).isEqualTo(Outcome.KEPT);
        assertThat(cache.outcome(Map.of("final_snapshot_identifier", ""))).isEqualTo(Outcome.LOST);
    }

    @Test
    void aPolicysEntriesOverrideTheShippedOnesByType() {
        Catalogue mine = Catalogue.parse(List.of(
                Map.of("type", "aws_sqs_queue", "holds", "access", "what", "work queue (messages are re-sent)"),
                Map.of("type", "acme_ledger", "also", List.of("Acme::Ledger"), "holds", "data", "what", "ledger",
                        "refused_when", Map.of("locked", "true"))), "policy.yaml").over(catalogue);
        assertThat(mine.lookup("aws_sqs_queue")).get().extracting(CatalogueEntry::holdsData).isEqualTo(false);
        assertThat(mine.lookup("Acme::Ledger").orElseThrow().outcome(Map.of("locked", "true"))).isEqualTo(Outcome.REFUSED);
        assertThat(mine.lookup("aws_db_instance")).isPresent();
        assertThatThrownBy(() -> Catalogue.parse(List.of(Map.of("type", "x", "holds", "gold")), "p.yaml"))
                .isInstanceOf(CatalogueException.class).hasMessageContaining("holds must be 'data' or 'access'");
        assertThatThrownBy(() -> Catalogue.parse("nope", "p.yaml")).isInstanceOf(CatalogueException.class);
    }

    @Test
    void terraformAddressesNameTheirType() {
        assertThat(Catalogue.typeOfAddress("module.db.module.x.aws_db_instance.main[0]")).isEqualTo("aws_db_instance");
        assertThat(Catalogue.typeOfAddress("aws_s3_bucket.logs[\"a.b\"]")).isEqualTo("aws_s3_bucket");
        assertThat(Catalogue.typeOfAddress("data.aws_iam_policy_document.x")).isEqualTo("aws_iam_policy_document");
        assertThat(Catalogue.typeOfAddress("module.db")).isEmpty();
    }
}
