package org.dangjian.runtime.command;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error codes a command answers with when its target aggregate does not exist (404) or, for a creating
 * command, already exists (409), e.g. {@code UNIT_NOT_FOUND} and {@code UNIT_ALREADY_EXISTS}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AggregateCodes {

    String notFound();

    String alreadyExists() default "ALREADY_EXISTS";
}
