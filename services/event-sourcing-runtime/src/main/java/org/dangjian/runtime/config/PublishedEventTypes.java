package org.dangjian.runtime.config;

import java.util.List;

/**
 * The event records (from {@code contracts}) a service stores and reads; each service declares one bean of this,
 * e.g. {@code new PublishedEventTypes(OrganisationEvents.ALL)}.
 */
public record PublishedEventTypes(List<? extends Class<?>> types) {
}
