package org.dangjian.contracts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The stable, versioned name under which an event is stored and published (CloudEvents {@code type}), for example
 * {@code org.dangjian.organisation.OrganisationUnitEstablished.v1}. Java class names may change; this name may not.
 * A change that an old reader could not read is a new version with its own record and schema.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface EventType {

    /** {@code org.dangjian.<service>.<EventName>} */
    String name();

    int version();

    /**
     * Restricted: stored and hash-chained like every event, but published on the service's restricted topic
     * {@code dangjian.<service>.restricted} instead of {@code dangjian.<service>.events}: content that only the service
     * itself and auditors are entitled to (a discipline case's file). All events of one aggregate are restricted or none
     * are, so each topic holds whole streams and every chain verifies from its topic alone.
     */
    boolean restricted() default false;

}
