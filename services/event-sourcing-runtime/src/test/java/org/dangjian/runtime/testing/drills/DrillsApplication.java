package org.dangjian.runtime.testing.drills;

import org.dangjian.runtime.config.PublishedEventTypes;
import org.dangjian.runtime.testing.Drill;
import org.dangjian.runtime.testing.DrillEvents;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** "drills", a stand-in service: it stores and publishes drills' events, and nothing more. */
@SpringBootApplication
@Import({Drill.class, org.dangjian.runtime.testing.Debrief.class})
public class DrillsApplication {

    @Bean
    PublishedEventTypes drillEvents() {
        return new PublishedEventTypes(DrillEvents.DRILLS);
    }
}
