package org.dangjian.subscriptions.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/** The subscriptions' command handlers: each loads (or creates) the subscription and lets it decide. */
@Component
class SubscriptionCommandHandlers {

    private final Repository<Subscription> subscriptions;
    private final Catalogue catalogue;

    SubscriptionCommandHandlers(Repository<Subscription> subscriptions, Catalogue catalogue) {
        this.subscriptions = subscriptions;
        this.catalogue = catalogue;
    }

    @CommandHandler
    void handle(SubscriptionCommands.RequestSubscription command) throws Exception {
        subscriptions.newInstance(() -> new Subscription(command, catalogue));
    }

    @CommandHandler
    void handle(SubscriptionCommands.GrantSubscription command) {
        subscriptions.load(command.subscriptionId()).execute(subscription -> subscription.grant(command));
    }

    @CommandHandler
    void handle(SubscriptionCommands.RefuseSubscription command) {
        subscriptions.load(command.subscriptionId()).execute(subscription -> subscription.refuse(command));
    }

    @CommandHandler
    void handle(SubscriptionCommands.ChangeGrant command) {
        subscriptions.load(command.subscriptionId()).execute(subscription -> subscription.change(command));
    }

    @CommandHandler
    void handle(SubscriptionCommands.RevokeSubscription command) {
        subscriptions.load(command.subscriptionId()).execute(subscription -> subscription.revoke(command));
    }
}
