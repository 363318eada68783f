package org.dangjian.discipline.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dangjian.discipline.command.Fixtures.ID;
import static org.dangjian.discipline.command.Fixtures.RULES;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.dangjian.contracts.discipline.RecordKind;
import org.dangjian.contracts.discipline.RecordRead;
import org.dangjian.contracts.discipline.RecordView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A record's access log: its first read starts the stream, every later read is its next event; its id follows from the record's. */
class AccessLogTest {

    static final String LOG = AccessCommands.logIdOf(ID);

    private FixtureConfiguration<AccessLog> logs;

    @BeforeEach
    void setUp() {
        logs = new AggregateTestFixture<>(AccessLog.class);
        logs.registerAnnotatedCommandHandler(new DisciplineCommandHandlers(null, null, null, null, null, logs.getRepository(), RULES));
    }

    @Test
    void theFirstReadStartsTheRecordsLogAndEveryLaterReadFollows() {
        assertThat(LOG).isEqualTo(UUID.nameUUIDFromBytes(("access|" + ID).getBytes(StandardCharsets.UTF_8)).toString());
        RecordRead first = new RecordRead(LOG, ID, RecordKind.CASE, RecordView.DETAIL);
        logs.givenNoPriorActivity().when(new AccessCommands.RecordReadCommand(LOG, ID, RecordKind.CASE, RecordView.DETAIL)).expectEvents(first);
        logs.given(first).when(new AccessCommands.RecordReadCommand(LOG, ID, RecordKind.CASE, RecordView.TIMELINE))
                .expectEvents(new RecordRead(LOG, ID, RecordKind.CASE, RecordView.TIMELINE));
    }
}
