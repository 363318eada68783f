package org.dangjian.discipline.command;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.contracts.discipline.RecordKind;
import org.dangjian.contracts.discipline.RecordView;

/** The access log's command: one read of a discipline record. */
public final class AccessCommands {

    private AccessCommands() {
    }

    /** A record's access log id: the name-based UUID (version 3) of the UTF-8 bytes of {@code access|<recordId>}. */
    public static String logIdOf(String recordId) {
        return UUID.nameUUIDFromBytes(("access|" + recordId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** 查阅: the record, its kind, what of it was read; the reader is the command's actor. */
    public record RecordReadCommand(@TargetAggregateIdentifier String logId, String recordId, RecordKind recordKind, RecordView view) {
    }
}
