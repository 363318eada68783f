package org.dangjian.audit.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.dangjian.audit.checkpoint.CheckpointKey;
import org.dangjian.audit.query.AuditQueries;
import org.dangjian.audit.query.AuditRecordsReadModel;
import org.dangjian.audit.query.SubjectRules;
import org.dangjian.contracts.audit.AuditEvents;
import org.dangjian.runtime.config.PublishedEventTypes;
import org.dangjian.runtime.platform.MemberDirectoryReadModel;
import org.dangjian.runtime.platform.OrganisationUnitsReadModel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    /** The events this service stores and publishes: its checkpoints, verifications and replays (see contracts). */
    @Bean
    PublishedEventTypes auditEvents() {
        return new PublishedEventTypes(AuditEvents.ALL);
    }

    /** Which records are audited subjects: {@code dangjian.audit.subjects-file}, else the rules shipped with the service. */
    @Bean
    SubjectRules subjectRules(@Value("${dangjian.audit.subjects-file:}") String file) {
        if (file.isBlank()) {
            return SubjectRules.defaults();
        }
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return SubjectRules.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit subjects " + file, e);
        }
    }

    /** The checkpoint signing key ({@code dangjian.audit.signing-key-file}), created on first start. */
    @Bean
    CheckpointKey checkpointKey(@Value("${dangjian.audit.signing-key-file}") Path file) {
        return CheckpointKey.loadOrCreate(file);
    }

    /** The organisation units, for their names (the kit's read model {@code branches}). */
    @Bean
    OrganisationUnitsReadModel organisationUnits(MongoDatabase serviceDatabase) {
        return new OrganisationUnitsReadModel(serviceDatabase);
    }

    /** The members' names, branches and login names (the kit's read model {@code member-directory}). */
    @Bean
    MemberDirectoryReadModel memberDirectory(MongoDatabase serviceDatabase) {
        return new MemberDirectoryReadModel(serviceDatabase);
    }

    /** {@code dangjian.audit.findings.open}: the integrity findings witnessed and not resolved, for alerting. */
    @Bean
    ApplicationRunner findingsGauge(MeterRegistry meters, AuditQueries queries, AuditRecordsReadModel records) {
        return args -> {
            Gauge.builder("dangjian.audit.findings.open", queries, AuditQueries::openFindings)
                    .description("Integrity findings of the witnessed record that are open (a broken chain, an altered redelivery, a fork, a gap …)")
                    .register(meters);
            Gauge.builder("dangjian.audit.verification.findings", records, AuditConfiguration::latestVerificationFindings)
                    .description("What the latest verification found (a store that disagrees with what was published, a checkpoint no "
                            + "longer held); 0 when it found everything intact or none ran yet")
                    .register(meters);
        };
    }

    private static double latestVerificationFindings(AuditRecordsReadModel records) {
        List<org.bson.Document> latest = records.verifications(0, 1);
        return latest.isEmpty() ? 0 : latest.get(0).getList("findings", org.bson.Document.class, List.of()).size();
    }
}
