package org.dangjian.example;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * Version 2 of {@link UnitLed}: a unit led by one or more people. A reader of version 1 could not read it (the field
 * {@code leader} is gone, {@code leaders} is required), so it is a new version, and {@link ExampleEvents#UPCASTERS}
 * reads version 1 as version 2.
 */
@EventType(name = "org.dangjian.example.UnitLed", version = 2)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UnitLedV2(String unitId, List<String> leaders, LocalDate since) {
}
