package org.dangjian.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a Spring test context the shared Kafka broker and MongoDB server ({@link TestInfrastructure}), a database and
 * topic namespace of its own (so contexts in one JVM never see each other's data), and trust in {@link TestTokens}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface UsePlatformInfrastructure {
}
