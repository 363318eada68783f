package org.dangjian.audit.query;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.dangjian.contracts.EventType;
import org.dangjian.contracts.EventTypes;
import org.dangjian.contracts.audit.AuditEvents;
import org.dangjian.runtime.consumer.Subscription;
import org.dangjian.runtime.messaging.Delivery;
import org.dangjian.runtime.readmodel.Witness;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * The live witnessed record ({@link Ledger} {@code ledger_*}): every record of every other service's topics, the
 * restricted ones too, as delivered. The topics follow from the published language: every event type in
 * {@code contracts} but this service's own, so a new service's topics are read as soon as its contracts are here.
 */
@Component
public class AuditLedger implements Witness {

    public static final String NAME = "ledger";

    private final Ledger ledger;
    private final Subscription subscription;

    public AuditLedger(MongoDatabase serviceDatabase, SubjectRules rules) {
        this.ledger = new Ledger(serviceDatabase, Ledger.LIVE, rules);
        this.subscription = Subscription.to(publishedLanguage());
        ledger.createIndexes();
    }

    /** Every published event type of every other service, found in {@code contracts}. */
    public static List<Class<?>> publishedLanguage() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent();
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(EventType.class));
        List<Class<?>> types = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.dangjian.contracts")) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), AuditLedger.class.getClassLoader());
            if (!EventTypes.serviceOf(EventTypes.of(type)).equals(AuditEvents.SERVICE)) {
                types.add(type);
            }
        }
        types.sort(java.util.Comparator.comparing(Class::getName));
        return types;
    }

    public Ledger ledger() {
        return ledger;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Subscription subscription() {
        return subscription;
    }

    @Override
    public void witnessAll(List<Delivery> deliveries) {
        ledger.record(deliveries);
    }

    @Override
    public List<String> collections() {
        return ledger.collections();
    }

    @Override
    public void reset() {
        ledger.createIndexes();
    }
}
