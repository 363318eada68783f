package org.dangjian.subscriptions.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.dangjian.contracts.organisation.OrganisationUnitEstablished;
import org.dangjian.contracts.organisation.OrganisationUnitKind;
import org.dangjian.contracts.organisation.OrganisationUnitSubordinateAttached;
import org.dangjian.contracts.organisation.OrganisationUnitSubordinateDetached;
import org.dangjian.runtime.messaging.PublishedEvent;
import org.dangjian.subscriptions.query.UnitTreeReadModel.Placement;
import org.dangjian.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where a unit stands relative to a subtree, as a subtree subscription asks: within, outside, or not known yet (its
 * establishment not read), on the embedded Mongo.
 */
class UnitTreeReadModelTest {

    static final String COMMITTEE = "c0000000-0000-4000-8000-000000000001";
    static final String OTHER_COMMITTEE = "c0000000-0000-4000-8000-000000000002";

    MongoClient client;
    UnitTreeReadModel tree;
    MongoDatabase database;

    @BeforeEach
    void connect() {
        client = MongoClients.create(TestInfrastructure.endpoints().mongoConnectionString());
        database = client.getDatabase("tree" + UUID.randomUUID().toString().substring(0, 8));
        tree = new UnitTreeReadModel(database);
    }

    @AfterEach
    void close() {
        client.close();
    }

    static PublishedEvent event(Object payload) {
        return new PublishedEvent(UUID.randomUUID().toString(), "organisation", payload.getClass().getSimpleName(), UUID.randomUUID().toString(),
                "OrganisationUnit", 1, null, null, null, null, null, null, null, "{}", payload);
    }

    static OrganisationUnitEstablished established(String unit, OrganisationUnitKind kind, String parent) {
        return new OrganisationUnitEstablished(unit, kind, null, "单位", parent, null);
    }

    @Test
    void aUnitIsWithinOutsideOrNotKnownYetAndAMoveCountsFromItsEvents() {
        String general = UUID.randomUUID().toString();
        String branch = UUID.randomUUID().toString();
        String elsewhere = UUID.randomUUID().toString();
        // the branch's establishment is read before its parent's: order between units does not matter
        tree.applyAll(List.of(event(established(branch, OrganisationUnitKind.BRANCH, general)),
                event(established(COMMITTEE, OrganisationUnitKind.COMMITTEE, null)),
                event(established(OTHER_COMMITTEE, OrganisationUnitKind.COMMITTEE, null))));
        assertThat(tree.placement(branch, COMMITTEE)).as("its parent not read yet").isEqualTo(Placement.UNKNOWN);
        tree.applyAll(List.of(event(established(general, OrganisationUnitKind.GENERAL_BRANCH, COMMITTEE)),
                event(established(elsewhere, OrganisationUnitKind.BRANCH, OTHER_COMMITTEE))));

        assertThat(tree.placement(branch, COMMITTEE)).isEqualTo(Placement.WITHIN);
        assertThat(tree.placement(branch, general)).isEqualTo(Placement.WITHIN);
        assertThat(tree.placement(COMMITTEE, COMMITTEE)).isEqualTo(Placement.WITHIN);
        assertThat(tree.placement(elsewhere, COMMITTEE)).as("under another top unit").isEqualTo(Placement.OUTSIDE);
        assertThat(tree.placement(OTHER_COMMITTEE, COMMITTEE)).isEqualTo(Placement.OUTSIDE);
        assertThat(tree.placement(UUID.randomUUID().toString(), COMMITTEE)).isEqualTo(Placement.UNKNOWN);

        // moved: detached from the general branch, attached to the other committee
        tree.applyAll(List.of(event(new OrganisationUnitSubordinateDetached(general, branch)),
                event(new OrganisationUnitSubordinateAttached(OTHER_COMMITTEE, branch, OrganisationUnitKind.BRANCH))));
        assertThat(tree.placement(branch, COMMITTEE)).isEqualTo(Placement.OUTSIDE);
        assertThat(tree.placement(branch, OTHER_COMMITTEE)).isEqualTo(Placement.WITHIN);
    }
}
