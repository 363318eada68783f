package org.dangjian.organisation.command;

/**
 * Whether the organisation read model shows active units under a unit. It trails the store by milliseconds and is
 * empty while it rebuilds, so it only adds to {@link SubordinateRegistry}: it covers units established before the
 * registry existed.
 */
@FunctionalInterface
public interface SubordinatesInReadModel {

    boolean hasActiveSubordinates(OrganisationUnitId unit);
}
