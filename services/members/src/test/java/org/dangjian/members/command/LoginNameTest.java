package org.dangjian.members.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.dangjian.contracts.members.LoginNameClaimed;
import org.dangjian.contracts.members.LoginNameReleased;
import org.dangjian.runtime.domain.RuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A login name's claim: one record at a time; released, it may be claimed again; names differing in case are one. The
 * member handlers claim and release it in the record's command (MembersServiceTest runs them on the real store).
 */
class LoginNameTest {

    static final String A = "00000000-0000-4000-8001-00000000000a";
    static final String B = "00000000-0000-4000-8001-00000000000b";
    static final String ID = LoginName.idOf("dangyuan");

    /** The claim and release as the member handlers make them, as commands for the fixture. */
    record Claim(@TargetAggregateIdentifier String claimId, String username, String memberId) {
    }

    record Release(@TargetAggregateIdentifier String claimId, String memberId) {
    }

    AggregateTestFixture<LoginName> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(LoginName.class);
        fixture.registerAnnotatedCommandHandler(new Object() {
            @CommandHandler
            void handle(Claim claim) {
                fixture.getRepository().load(claim.claimId()).execute(name -> name.claim(claim.username(), claim.memberId()));
            }

            @CommandHandler
            void handle(Release release) {
                fixture.getRepository().load(release.claimId()).execute(name -> name.release(release.memberId()));
            }
        });
    }

    @Test
    void theClaimsIdFollowsFromTheNameWhateverItsCase() {
        assertThat(LoginName.idOf("DangYuan")).isEqualTo(ID);
        assertThat(ID).isEqualTo(java.util.UUID.nameUUIDFromBytes("login|dangyuan".getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
        assertThat(LoginName.idOf("dangyuan2")).isNotEqualTo(ID);
    }

    @Test
    void aNameHeldForOneRecordIsRefusedToAnother() {
        fixture.given(new LoginNameClaimed(ID, "dangyuan", A)).when(new Claim(ID, "DangYuan", B))
                .expectException(RuleViolation.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("another member record"))
                .expectNoEvents();
        fixture.given(new LoginNameClaimed(ID, "dangyuan", A)).when(new Claim(ID, "dangyuan", A)).expectNoEvents().expectSuccessfulHandlerExecution();
    }

    @Test
    void releasedItIsClaimedAgainByAnotherRecord() {
        fixture.given(new LoginNameClaimed(ID, "dangyuan", A)).when(new Release(ID, A))
                .expectEvents(new LoginNameReleased(ID, "dangyuan", A));
        fixture.given(new LoginNameClaimed(ID, "dangyuan", A), new LoginNameReleased(ID, "dangyuan", A)).when(new Claim(ID, "dangyuan", B))
                .expectEvents(new LoginNameClaimed(ID, "dangyuan", B));
        fixture.given(new LoginNameClaimed(ID, "dangyuan", A)).when(new Release(ID, B)).expectNoEvents();
    }
}
