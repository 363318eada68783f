package org.dangjian.subscriptions.command;

import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.dangjian.contracts.PersonalData;
import org.dangjian.contracts.subscriptions.DeliveryChannel;
import org.dangjian.contracts.subscriptions.SubscriptionGrantChanged;
import org.dangjian.contracts.subscriptions.SubscriptionGranted;
import org.dangjian.contracts.subscriptions.SubscriptionRefused;
import org.dangjian.contracts.subscriptions.SubscriptionRequested;
import org.dangjian.contracts.subscriptions.SubscriptionRevoked;
import org.dangjian.runtime.domain.RuleViolation;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A subscription asked for, granted within the request, refused, its grant changed, revoked; every refusal by its code. */
class SubscriptionTest {

    static final String ID = "5b7f1f8e-2a4b-4c1d-9e2f-3a4b5c6d7e8f";
    static final String ADMITTED = "org.dangjian.members.MemberAdmittedAsProbationary.v1";
    static final String CONFIRMED = "org.dangjian.members.MemberConfirmedAsFullMember.v1";
    static final String CASE_OPENED = "org.dangjian.discipline.CaseOpened.v1";
    static final String SANCTION = "org.dangjian.discipline.SanctionTookEffect.v1";
    static final List<PersonalData.Kind> NAME_AND_ID = List.of(PersonalData.Kind.NAME, PersonalData.Kind.ID_CARD_NUMBER);
    static final SubscriptionRequested REQUESTED = new SubscriptionRequested(ID, "renshi-department", "人事部门", List.of(ADMITTED, CONFIRMED), null,
            NAME_AND_ID, DeliveryChannel.SSE, null, "干部档案");

    private FixtureConfiguration<Subscription> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Subscription.class);
        fixture.registerAnnotatedCommandHandler(new SubscriptionCommandHandlers(fixture.getRepository(), new Catalogue()));
    }

    private static SubscriptionCommands.RequestSubscription request(List<String> types, DeliveryChannel channel, String url) {
        return new SubscriptionCommands.RequestSubscription(ID, "renshi-department", "人事部门", types, null, NAME_AND_ID, channel, url, "干部档案");
    }

    @Test
    void aDepartmentAsksForPublishedOpenTypesOnly() {
        fixture.givenNoPriorActivity().when(request(List.of(ADMITTED, CONFIRMED, ADMITTED), DeliveryChannel.SSE, null)).expectEvents(REQUESTED);
        fixture.givenNoPriorActivity().when(request(List.of(ADMITTED, CASE_OPENED), DeliveryChannel.SSE, null))
                .expectException(code("RESTRICTED_EVENT_TYPE"));
        fixture.givenNoPriorActivity().when(request(List.of("org.dangjian.members.NoSuchEvent.v1"), DeliveryChannel.SSE, null))
                .expectException(code("UNKNOWN_EVENT_TYPE"));
        fixture.givenNoPriorActivity().when(request(List.of(), DeliveryChannel.SSE, null)).expectException(code("NO_EVENT_TYPES"));
        // a sanction's published effect is open: the discipline commission may be granted it
        fixture.givenNoPriorActivity().when(request(List.of(SANCTION), DeliveryChannel.SSE, null)).expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity().when(new SubscriptionCommands.RequestSubscription(ID, null, null, List.of(ADMITTED), null, List.of(),
                DeliveryChannel.SSE, null, "x")).expectException(code("NOT_A_DEPARTMENT"));
    }

    @Test
    void aWebhookNeedsAnHttpUrlAndAStreamNone() {
        fixture.givenNoPriorActivity().when(request(List.of(ADMITTED), DeliveryChannel.WEBHOOK, "https://renshi.example.gov.cn/hook"))
                .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity().when(request(List.of(ADMITTED), DeliveryChannel.WEBHOOK, null)).expectException(code("WEBHOOK_URL_REQUIRED"));
        for (String bad : List.of("ftp://renshi.example.gov.cn/x", "/relative", "https://user:pw@renshi.example.gov.cn/x", "https://h/x#frag",
                "not a url")) {
            fixture.givenNoPriorActivity().when(request(List.of(ADMITTED), DeliveryChannel.WEBHOOK, bad)).expectException(code("INVALID_WEBHOOK_URL"));
        }
        fixture.givenNoPriorActivity().when(request(List.of(ADMITTED), DeliveryChannel.SSE, "https://renshi.example.gov.cn/hook"))
                .expectException(code("WEBHOOK_URL_NOT_USED"));
    }

    @Test
    void aGrantNeverGoesBeyondTheRequest() {
        fixture.given(REQUESTED).when(new SubscriptionCommands.GrantSubscription(ID, List.of(ADMITTED), List.of(PersonalData.Kind.NAME), false, 42,
                "同意")).expectEvents(new SubscriptionGranted(ID, List.of(ADMITTED), List.of(PersonalData.Kind.NAME), false, 42, "同意"));
        fixture.given(REQUESTED).when(new SubscriptionCommands.GrantSubscription(ID, List.of(ADMITTED), List.of(), true, 42, "同意，含历史"))
                .expectEvents(new SubscriptionGranted(ID, List.of(ADMITTED), List.of(), true, 0, "同意，含历史"));
        fixture.given(REQUESTED).when(new SubscriptionCommands.GrantSubscription(ID, List.of(ADMITTED, SANCTION), List.of(), false, 1, "同意"))
                .expectException(code("NOT_REQUESTED"));
        fixture.given(REQUESTED).when(new SubscriptionCommands.GrantSubscription(ID, List.of(ADMITTED), List.of(PersonalData.Kind.PHONE), false, 1,
                "同意")).expectException(code("NOT_REQUESTED"));
        fixture.given(REQUESTED).when(new SubscriptionCommands.GrantSubscription(ID, List.of(), List.of(), false, 1, "同意"))
                .expectException(code("NO_EVENT_TYPES"));
        fixture.given(REQUESTED, new SubscriptionRefused(ID, "不同意")).when(new SubscriptionCommands.GrantSubscription(ID, List.of(ADMITTED), List.of(),
                false, 1, "同意")).expectException(code("SUBSCRIPTION_NOT_REQUESTED"));
    }

    @Test
    void aRequestIsRefusedOnceAndAGrantChangedOnlyWhileGranted() {
        SubscriptionGranted granted = new SubscriptionGranted(ID, List.of(ADMITTED, CONFIRMED), NAME_AND_ID, false, 7, "同意");
        fixture.given(REQUESTED).when(new SubscriptionCommands.RefuseSubscription(ID, "用途不明确")).expectEvents(new SubscriptionRefused(ID, "用途不明确"));
        fixture.given(REQUESTED, granted).when(new SubscriptionCommands.RefuseSubscription(ID, "x")).expectException(code("SUBSCRIPTION_NOT_REQUESTED"));
        fixture.given(REQUESTED, granted).when(new SubscriptionCommands.ChangeGrant(ID, List.of(ADMITTED), List.of(), "收窄"))
                .expectEvents(new SubscriptionGrantChanged(ID, List.of(ADMITTED), List.of(), "收窄"));
        fixture.given(REQUESTED).when(new SubscriptionCommands.ChangeGrant(ID, List.of(ADMITTED), List.of(), "收窄"))
                .expectException(code("SUBSCRIPTION_NOT_GRANTED"));
        fixture.given(REQUESTED, granted).when(new SubscriptionCommands.ChangeGrant(ID, List.of(SANCTION), List.of(), "扩大"))
                .expectException(code("NOT_REQUESTED"));
    }

    @Test
    void staffRevokeAndADepartmentWithdrawsOnlyItsOwn() {
        SubscriptionGranted granted = new SubscriptionGranted(ID, List.of(ADMITTED), List.of(), false, 1, "同意");
        fixture.given(REQUESTED, granted).when(new SubscriptionCommands.RevokeSubscription(ID, null, "停止共享"))
                .expectEvents(new SubscriptionRevoked(ID, "停止共享"));
        fixture.given(REQUESTED).when(new SubscriptionCommands.RevokeSubscription(ID, "renshi-department", "不再需要"))
                .expectEvents(new SubscriptionRevoked(ID, "不再需要"));
        fixture.given(REQUESTED).when(new SubscriptionCommands.RevokeSubscription(ID, "zuzhi-department", "不再需要"))
                .expectException(code("SUBSCRIPTION_NOT_FOUND"));
        fixture.given(REQUESTED, new SubscriptionRevoked(ID, "x")).when(new SubscriptionCommands.RevokeSubscription(ID, null, "再次"))
                .expectException(code("SUBSCRIPTION_ENDED"));
    }

    static Matcher<RuleViolation> code(String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation violation) {
                return code.equals(violation.code());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal with code " + code);
            }
        };
    }
}
