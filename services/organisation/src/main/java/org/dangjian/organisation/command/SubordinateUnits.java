package org.dangjian.organisation.command;

/**
 * Whether a unit still has active subordinate units, answered from the organisation read model. That model trails
 * the event store by the time a published event takes to arrive (milliseconds), so a unit established under a parent
 * at the very moment the parent is dissolved can slip through; the tree then shows it under a dissolved parent,
 * which a committee member resolves by dissolving or re-establishing it. A strict check would need both streams in
 * one transaction, which the embedded store does not have.
 */
public interface SubordinateUnits {

    boolean hasActiveSubordinates(OrganisationUnitId unitId);
}
