package org.dangjian.subscriptions.web;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.bson.Document;
import org.dangjian.runtime.command.CommandContext;
import org.dangjian.runtime.command.CommandDispatcher;
import org.dangjian.runtime.command.CommandResult;
import org.dangjian.runtime.domain.RuleViolation;
import org.dangjian.runtime.eventstore.ChainVerification;
import org.dangjian.runtime.eventstore.ChainVerifier;
import org.dangjian.runtime.eventstore.EventStoreReader;
import org.dangjian.runtime.readmodel.ReadYourWrites;
import org.dangjian.runtime.readmodel.TimelineStore;
import org.dangjian.runtime.security.Caller;
import org.dangjian.runtime.security.Roles;
import org.dangjian.runtime.web.AggregateIds;
import org.dangjian.runtime.web.CommandResponse;
import org.dangjian.runtime.web.PageOf;
import org.dangjian.runtime.web.StrictParameters;
import org.dangjian.subscriptions.command.SubscriptionCommands;
import org.dangjian.subscriptions.delivery.DeliveryJournal;
import org.dangjian.subscriptions.delivery.Grant;
import org.dangjian.subscriptions.delivery.SseStreams;
import org.dangjian.subscriptions.delivery.WebhookSigner;
import org.dangjian.subscriptions.query.SubscriptionTimelinesReadModel;
import org.dangjian.subscriptions.query.SubscriptionsReadModel;
import com.mongodb.client.MongoDatabase;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Subscriptions (订阅): a department asks, committee staff grant, refuse, change or revoke, auditors read; the department
 * receives its granted events on its stream ({@code /subscriptions/{id}/events}) or at its webhook.
 */
@RestController
@Tag(name = "订阅 Subscriptions")
class SubscriptionsController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String DEPARTMENT = "hasRole('DEPARTMENT')";
    static final String STAFF = "hasRole('COMMITTEE_STAFF')";
    static final String STAFF_OR_DEPARTMENT = "hasAnyRole('COMMITTEE_STAFF','DEPARTMENT')";
    static final String READERS = "hasAnyRole('COMMITTEE_STAFF','AUDITOR','DEPARTMENT')";
    static final int MAX_PAGE_SIZE = 200;

    private final CommandDispatcher commands;
    private final SubscriptionsReadModel subscriptions;
    private final ReadYourWrites readYourWrites;
    private final ChainVerifier verifier;
    private final TimelineStore timelines;
    private final DeliveryJournal journal;
    private final SseStreams streams;
    private final WebhookSigner signer;
    private final EventStoreReader store;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    SubscriptionsController(CommandDispatcher commands, SubscriptionsReadModel subscriptions, ReadYourWrites readYourWrites, ChainVerifier verifier,
                            MongoDatabase serviceDatabase, DeliveryJournal journal, SseStreams streams, WebhookSigner signer,
                            EventStoreReader store) {
        this.commands = commands;
        this.subscriptions = subscriptions;
        this.readYourWrites = readYourWrites;
        this.verifier = verifier;
        this.timelines = new TimelineStore(serviceDatabase, SubscriptionTimelinesReadModel.TIMELINES);
        this.journal = journal;
        this.streams = streams;
        this.signer = signer;
        this.store = store;
    }

    @InitBinder
    void exactEnums(WebDataBinder binder) {
        StrictParameters.exactEnum(binder, SubscriptionState.class);
    }

    @Operation(summary = "订阅申请 Ask for a subscription", description = "A department asks for event types (GET /catalogue), optionally of an "
            + "organisation subtree, with the personal data it needs, delivered by server-sent events (SSE) or webhook, and why. A restricted "
            + "type (a discipline case's content) is refused (RESTRICTED_EVENT_TYPE). Nothing is delivered before committee staff grant it. "
            + "Send an Idempotency-Key to retry safely.")
    @PostMapping(path = "/subscriptions", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(DEPARTMENT)
    ResponseEntity<CommandResponse> request(@Valid @RequestBody SubscriptionRequests.RequestSubscription request,
                                            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = request.id() != null ? AggregateIds.canonical("id", request.id()) : UUID.randomUUID().toString();
        String unit = request.organisationUnitId() == null ? null : AggregateIds.canonical("organisationUnitId", request.organisationUnitId());
        Department department = Department.current();
        CommandResult result = commands.send(id, subscriptionId -> new SubscriptionCommands.RequestSubscription(subscriptionId, department.id(),
                department.name(), request.eventTypes(), unit, request.personalData(), request.channel(), request.webhookUrl(), request.purpose()),
                context(idempotencyKey, "request-subscription", request, Roles.DEPARTMENT));
        return CommandResponse.of(ResponseEntity.created(URI.create("/subscriptions/" + result.id())), result);
    }

    @Operation(summary = "授权 Grant", description = "Committee staff grant a pending request, wholly or in part (subsets of the types and personal "
            + "data asked for), from now on or with the events recorded before (deliverHistory).")
    @PostMapping(path = "/subscriptions/{id}/grant", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF)
    ResponseEntity<CommandResponse> grant(@PathVariable("id") String path, @Valid @RequestBody SubscriptionRequests.Grant request,
                                          @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = AggregateIds.canonical("id", path);
        long from = journal.nextPosition();
        CommandResult result = commands.send(id, subscriptionId -> new SubscriptionCommands.GrantSubscription(subscriptionId, request.eventTypes(),
                request.personalData(), request.deliverHistory(), from, request.reason()), context(idempotencyKey, "grant-subscription " + id, request,
                Roles.COMMITTEE_STAFF));
        return CommandResponse.of(ResponseEntity.ok(), result);
    }

    @Operation(summary = "拒绝 Refuse", description = "Committee staff refuse a pending request, with the reason.")
    @PostMapping(path = "/subscriptions/{id}/refusal", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF)
    ResponseEntity<CommandResponse> refuse(@PathVariable("id") String path, @Valid @RequestBody SubscriptionRequests.Reason request,
                                           @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = AggregateIds.canonical("id", path);
        CommandResult result = commands.send(id, subscriptionId -> new SubscriptionCommands.RefuseSubscription(subscriptionId, request.reason()),
                context(idempotencyKey, "refuse-subscription " + id, request, Roles.COMMITTEE_STAFF));
        return CommandResponse.of(ResponseEntity.ok(), result);
    }

    @Operation(summary = "变更授权 Change a grant", description = "Committee staff change what a granted subscription receives from now on "
            + "(subsets of what was asked).")
    @PostMapping(path = "/subscriptions/{id}/grant-change", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF)
    ResponseEntity<CommandResponse> change(@PathVariable("id") String path, @Valid @RequestBody SubscriptionRequests.ChangeGrant request,
                                           @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = AggregateIds.canonical("id", path);
        CommandResult result = commands.send(id, subscriptionId -> new SubscriptionCommands.ChangeGrant(subscriptionId, request.eventTypes(),
                request.personalData(), request.reason()), context(idempotencyKey, "change-grant " + id, request, Roles.COMMITTEE_STAFF));
        return CommandResponse.of(ResponseEntity.ok(), result);
    }

    @Operation(summary = "撤销 Revoke", description = "Committee staff revoke a request or a grant; a department withdraws its own. Its streams end "
            + "and nothing more is delivered.")
    @PostMapping(path = "/subscriptions/{id}/revocation", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF_OR_DEPARTMENT)
    ResponseEntity<CommandResponse> revoke(@PathVariable("id") String path, @Valid @RequestBody SubscriptionRequests.Reason request,
                                           @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = AggregateIds.canonical("id", path);
        boolean staff = Caller.current().has(Roles.COMMITTEE_STAFF);
        String department = staff ? null : Department.current().id();
        CommandResult result = commands.send(id, subscriptionId -> new SubscriptionCommands.RevokeSubscription(subscriptionId, department,
                request.reason()), context(idempotencyKey, "revoke-subscription " + id, request, staff ? Roles.COMMITTEE_STAFF : Roles.DEPARTMENT));
        return CommandResponse.of(ResponseEntity.ok(), result);
    }

    @Operation(summary = "订阅列表 Subscriptions", description = "Newest request first, by state and department, a page at a time. A department "
            + "sees its own only.")
    @GetMapping(path = "/subscriptions", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(READERS)
    PageOf<Map<String, Object>> list(@RequestParam(required = false) SubscriptionState state,
                                     @RequestParam(required = false) @jakarta.validation.constraints.Size(max = 100) String department,
                                     @RequestParam(defaultValue = "0") @Min(0) int page,
                                     @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        String only = ownDepartment();
        String filter = only != null ? only : department;
        PageOf<Document> found = subscriptions.page(state == null ? null : state.name(), filter, page, size);
        return found.map(items -> items.stream().map(Views::subscription).toList());
    }

    @Operation(summary = "订阅详情 A subscription", description = "What was asked, what is granted, the decision. A department reads its own.")
    @GetMapping(path = "/subscriptions/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(READERS)
    Map<String, Object> subscription(@PathVariable("id") String path, @RequestParam(required = false) @Min(0) Long minSequence) {
        String id = AggregateIds.canonical("id", path);
        readYourWrites.awaitVisible(SubscriptionsReadModel.NAME, id, minSequence, () -> visible(id), () -> notFound(id));
        return Views.subscription(subscriptions.find(id).filter(this::sees).orElseThrow(() -> notFound(id)));
    }

    @Operation(summary = "订阅时间线 A subscription's timeline", description = "The request and every decision, oldest first (from, limit ≤ 500).")
    @GetMapping(path = "/subscriptions/{id}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(READERS)
    Map<String, Object> timeline(@PathVariable("id") String path, @RequestParam(required = false) @Min(0) Long minSequence,
                                 @RequestParam(defaultValue = "0") @Min(0) long from,
                                 @RequestParam(defaultValue = "200") @Min(1) @Max(TimelineStore.MAX_PAGE) int limit) {
        String id = AggregateIds.canonical("id", path);
        readYourWrites.awaitVisible(SubscriptionTimelinesReadModel.NAME, id, minSequence, () -> visible(id), () -> notFound(id));
        if (!visible(id)) {
            throw notFound(id);
        }
        return timelines.page(id, from, limit).orElseThrow(() -> notFound(id)).answer("subscriptionId", id);
    }

    @Operation(summary = "校验 Verify a subscription's hash chain")
    @GetMapping(path = "/subscriptions/{id}/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(READERS)
    ChainVerification verify(@PathVariable("id") String path) {
        String id = AggregateIds.canonical("id", path);
        if (ownDepartment() != null && !visible(id)) {
            throw notFound(id);
        }
        return verifier.verifyExisting(id, () -> notFound(id));
    }

    @Operation(summary = "回调密钥 The webhook's secret", description = "The department's secret for checking the signature of its webhook posts "
            + "(Dangjian-Signature, docs/subscribing.md). Its own webhook subscriptions only.")
    @GetMapping(path = "/subscriptions/{id}/webhook-secret", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(DEPARTMENT)
    Map<String, Object> webhookSecret(@PathVariable("id") String path) {
        String id = AggregateIds.canonical("id", path);
        Document subscription = subscriptions.find(id).filter(this::sees).orElseThrow(() -> notFound(id));
        if (!"WEBHOOK".equals(subscription.getString("channel"))) {
            throw RuleViolation.conflict("NOT_A_WEBHOOK", "Subscription {0} is delivered by server-sent events: it has no webhook secret", id);
        }
        return Map.of("subscriptionId", id, "algorithm", "HMAC-SHA256", "header", WebhookSigner.HEADER, "secret", signer.secret(id));
    }

    @Operation(summary = "事件流 The subscription's events (server-sent events)", description = "text/event-stream: each granted event as an SSE "
            + "event whose id is its journal position and whose data is the CloudEvent in JSON. Reconnect with Last-Event-ID (or lastEventId) "
            + "to resume after it: nothing lost, nothing twice. The department's own granted SSE subscriptions only.")
    @GetMapping(path = "/subscriptions/{id}/events")
    @PreAuthorize(DEPARTMENT)
    SseEmitter events(@PathVariable("id") String path, @RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
                      @RequestParam(name = "lastEventId", required = false) String lastEventIdParameter) {
        String id = AggregateIds.canonical("id", path);
        Document subscription = subscriptions.find(id).filter(this::sees).orElseThrow(() -> notFound(id));
        Long lastEventId = position(lastEventIdHeader != null ? lastEventIdHeader : lastEventIdParameter);
        if (!"SSE".equals(subscription.getString("channel"))) {
            throw RuleViolation.conflict("NOT_AN_SSE_SUBSCRIPTION", "Subscription {0} is delivered by webhook, not by server-sent events", id);
        }
        Grant grant = Grant.of(subscription).orElseThrow(() -> RuleViolation.conflict("SUBSCRIPTION_NOT_GRANTED",
                "Subscription {0} is {1}: only a granted subscription has events", id, subscription.getString("state")));
        return streams.open(grant, lastEventId);
    }

    private static Long position(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        if (!given.matches("[0-9]{1,18}")) {
            throw RuleViolation.invalid("INVALID_LAST_EVENT_ID", "Last-Event-ID is an event''s position, a whole number: {0}",
                    given.length() > 40 ? given.substring(0, 40) : given);
        }
        return Long.parseLong(given);
    }

    /** The department whose records alone the caller reads, or null for staff and auditors. */
    static String ownDepartment() {
        Caller caller = Caller.current();
        if (caller.has(Roles.COMMITTEE_STAFF) || caller.has(Roles.AUDITOR)) {
            return null;
        }
        String id = Department.current().id();
        return id == null ? "-" : id;
    }

    private boolean sees(Document subscription) {
        String only = ownDepartment();
        return only == null || only.equals(subscription.getString("department"));
    }

    /**
     * Whether the caller sees the subscription: staff and auditors every one, a department its own, also before the read
     * model shows it (its request's first event, as stored, names the department).
     */
    private boolean visible(String id) {
        String only = ownDepartment();
        if (only == null) {
            return true;
        }
        return subscriptions.find(id).map(this::sees).orElseGet(() -> store.read(id, 0)
                .map(first -> only.equals(JSON.readTree(first.data()).path("department").asString(null))).orElse(false));
    }

    private static CommandContext context(String idempotencyKey, String operation, Object request, String role) {
        return CommandContext.of(idempotencyKey, operation, request, null).actingAs(role);
    }

    static RuleViolation notFound(String id) {
        return RuleViolation.notFound("SUBSCRIPTION_NOT_FOUND", "There is no subscription {0}", id);
    }

    /** A subscription's states, for the list's filter. */
    enum SubscriptionState { REQUESTED, GRANTED, REFUSED, REVOKED }
}
