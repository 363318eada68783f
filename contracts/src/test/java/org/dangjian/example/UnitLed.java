package org.dangjian.example;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * Version 1 of a made-up event, for the tests of versions and upcasters only (no service publishes it): a unit's
 * leader, one person. Version 2 ({@link UnitLedV2}) allows several.
 */
@EventType(name = "org.dangjian.example.UnitLed", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UnitLed(String unitId, String leader, LocalDate since) {
}
