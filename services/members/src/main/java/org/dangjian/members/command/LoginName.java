package org.dangjian.members.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dangjian.contracts.members.LoginNameClaimed;
import org.dangjian.contracts.members.LoginNameReleased;
import org.dangjian.runtime.domain.RuleViolation;

/**
 * 登录账号占用: a login name's claim, a record of its own whose id follows from the name, so that one name is linked to
 * one member record at most: a second record's claim meets this one ({@code USERNAME_TAKEN}), and two claims at the
 * same moment meet on this stream's optimistic lock. Claimed with the record's link, released with its unlink.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger", cache = "aggregateCache")
class LoginName {

    @AggregateIdentifier
    private String claimId;
    private String username;
    /** The record the name is claimed for, or null while released. */
    private String memberId;

    protected LoginName() {
        // for Axon
    }

    /**
     * The claim's id: the name-based UUID (version 3, {@link UUID#nameUUIDFromBytes}) of the UTF-8 bytes of
     * {@code login|<username in lower case>}: names that differ only in case are one name.
     */
    static String idOf(String username) {
        return UUID.nameUUIDFromBytes(("login|" + username.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8)).toString();
    }

    LoginName(String username, String memberId) {
        apply(new LoginNameClaimed(idOf(username), username, memberId));
    }

    /** Claims the name for a record: refused while another record holds it; nothing to do when this one does. */
    boolean claim(String username, String memberId) {
        if (memberId.equals(this.memberId)) {
            return false;
        }
        if (this.memberId != null) {
            throw RuleViolation.conflict("USERNAME_TAKEN", "The login name {0} is linked to another member record", username);
        }
        apply(new LoginNameClaimed(claimId, username, memberId));
        return true;
    }

    /** Releases the name held for {@code memberId}. */
    void release(String memberId) {
        if (memberId.equals(this.memberId)) {
            apply(new LoginNameReleased(claimId, username, memberId));
        }
    }

    @EventSourcingHandler
    void on(LoginNameClaimed event) {
        claimId = event.claimId();
        username = event.username();
        memberId = event.memberId();
    }

    @EventSourcingHandler
    void on(LoginNameReleased event) {
        memberId = null;
    }
}
