package org.dangjian.subscriptions.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.bson.Document;
import org.dangjian.runtime.domain.RuleViolation;
import org.dangjian.runtime.security.Caller;
import org.dangjian.runtime.web.AggregateIds;
import org.dangjian.runtime.web.PageOf;
import org.dangjian.runtime.web.StrictParameters;
import org.dangjian.subscriptions.delivery.DeliveryRecords;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The delivery records (投递记录) and dead letters (死信): every event delivered to a department, by stream or webhook,
 * with its tries; read by auditors, committee staff and the department itself (its own); a dead letter redelivered on
 * request by staff or the department.
 */
@RestController
@Tag(name = "投递记录 Deliveries")
class DeliveriesController {

    private static final String ID = "^" + AggregateIds.UUID_PATTERN.replace("^", "").replace("$", "") + ":[0-9]{1,18}$";

    private final DeliveryRecords records;

    DeliveriesController(DeliveryRecords records) {
        this.records = records;
    }

    @InitBinder
    void exactEnums(WebDataBinder binder) {
        StrictParameters.exactEnum(binder, DeliveryState.class);
    }

    @Operation(summary = "投递记录 Deliveries", description = "Every delivery, the last try first, by subscription and state (DEAD_LETTER: the "
            + "dead letters), a page at a time. A department sees its own only.")
    @GetMapping(path = "/deliveries", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(SubscriptionsController.READERS)
    PageOf<Map<String, Object>> list(@RequestParam(required = false) String subscriptionId, @RequestParam(required = false) DeliveryState state,
                                     @RequestParam(required = false) @Size(max = 100) String department,
                                     @RequestParam(defaultValue = "0") @Min(0) int page,
                                     @RequestParam(defaultValue = "50") @Min(1) @Max(SubscriptionsController.MAX_PAGE_SIZE) int size) {
        String subscription = subscriptionId == null ? null : AggregateIds.canonical("subscriptionId", subscriptionId);
        String only = SubscriptionsController.ownDepartment();
        PageOf<Document> found = records.page(subscription, only != null ? only : department, state == null ? null : state.name(), page, size);
        return found.map(items -> items.stream().map(Views::delivery).toList());
    }

    @Operation(summary = "重新投递 Redeliver a dead letter", description = "A dead letter gets a new round of tries at once (202); anything but a "
            + "dead letter is refused (NOT_A_DEAD_LETTER).")
    @PostMapping(path = "/deliveries/{id}/redelivery", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(SubscriptionsController.STAFF_OR_DEPARTMENT)
    ResponseEntity<Map<String, Object>> redeliver(@PathVariable("id") String path) {
        String id = canonical(path);
        String only = SubscriptionsController.ownDepartment();
        Document delivery = records.find(id).filter(d -> only == null || only.equals(d.getString("department")))
                .orElseThrow(() -> RuleViolation.notFound("DELIVERY_NOT_FOUND", "There is no delivery {0}", id));
        if (!records.requestRedelivery(id, Caller.current().username() != null ? Caller.current().username() : Department.current().id())) {
            throw RuleViolation.conflict("NOT_A_DEAD_LETTER", "Delivery {0} is {1}, not a dead letter", id, delivery.getString("state"));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", id);
        answer.put("state", "RETRYING");
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(answer);
    }

    private static String canonical(String given) {
        String lower = given == null ? "" : given.toLowerCase(java.util.Locale.ROOT);
        if (!lower.matches(ID)) {
            throw RuleViolation.invalid("INVALID_ID", "A delivery id is <subscription id>:<position>: {0}", given == null ? "" :
                    given.length() > 80 ? given.substring(0, 80) : given);
        }
        return lower;
    }

    /** A delivery's states, for the list's filter. */
    enum DeliveryState { DELIVERED, RETRYING, DEAD_LETTER }
}
