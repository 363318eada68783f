package org.dangjian.discipline.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.dangjian.discipline.query.AccessLogReadModel;
import org.dangjian.discipline.query.Views;
import org.dangjian.runtime.web.AggregateIds;
import org.dangjian.runtime.web.PageOf;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The access log (查阅记录): who read which discipline record, when, what of it; for auditors. */
@RestController
@Tag(name = "查阅记录 Access log")
class AccessLogController {

    private final AccessLogReadModel log;

    AccessLogController(AccessLogReadModel log) {
        this.log = log;
    }

    @Operation(summary = "查阅记录 Who read which record", description = "Every read of a discipline record's detail, timeline or verification, "
            + "newest first: the record, its kind, what was read, the reader (id, role, unit) and when; filtered by record, reader and "
            + "time (from, to: ISO instants, inclusive), a page at a time. Auditors only.")
    @PreAuthorize("hasRole('AUDITOR')")
    @GetMapping(path = "/access-log", produces = MediaType.APPLICATION_JSON_VALUE)
    PageOf<Views.AccessEntry> reads(@Parameter(description = "a record's id") @RequestParam(required = false) String record,
                                    @Parameter(description = "a reader's id (his token's subject)") @RequestParam(required = false) String reader,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                    @RequestParam(defaultValue = "0") @Min(0) int page,
                                    @RequestParam(defaultValue = "50") @Min(1) @Max(InspectionsController.MAX_PAGE_SIZE) int size) {
        String recordId = record == null ? null : AggregateIds.canonical("record", record);
        if (reader != null && (reader.isBlank() || reader.length() > 200)) {
            throw org.dangjian.runtime.domain.RuleViolation.invalid("INVALID_PARAMETER", "The value of parameter {0} is not valid", "reader");
        }
        return log.reads(new AccessLogReadModel.Filter(recordId, reader, from, to), page, size);
    }
}
