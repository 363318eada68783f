package org.dangjian.members.reaction;

import org.dangjian.contracts.discipline.SanctionEnded;
import org.dangjian.contracts.discipline.SanctionTookEffect;
import org.dangjian.members.command.MemberId;
import org.dangjian.members.command.RecordSanctionCommand;
import org.dangjian.runtime.consumer.Subscription;
import org.dangjian.runtime.messaging.PublishedEvent;
import org.dangjian.runtime.reaction.Reaction;
import org.dangjian.runtime.reaction.Reactor;
import org.springframework.stereotype.Component;

/**
 * A sanction in effect, as the discipline service publishes it (its effect only), is noted on the member's record,
 * and vetoes his cadre political assessments that are open or opened while it is in effect (一票否决); its end is
 * noted too. The veto names the discipline event by its CloudEvents id (and the runtime makes it the stored events'
 * causation id). A member the service does not know is a refusal, counted, not a failure.
 */
@Component
class SanctionVetoReaction implements Reaction {

    static final String NAME = "sanction-veto";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Subscription subscription() {
        return Subscription.to(SanctionTookEffect.class, SanctionEnded.class);
    }

    @Override
    public void react(PublishedEvent event, Reactor reactor) {
        if (event.payload() instanceof SanctionTookEffect effect) {
            reactor.send(effect.memberId(), id -> new RecordSanctionCommand(new MemberId(id), effect.sanctionId(), effect.sanction(),
                    effect.effectiveFrom(), null, event.eventId()));
        } else if (event.payload() instanceof SanctionEnded ended) {
            reactor.send(ended.memberId(), id -> new RecordSanctionCommand(new MemberId(id), ended.sanctionId(), null, null, ended.endedOn(),
                    event.eventId()));
        }
    }
}
