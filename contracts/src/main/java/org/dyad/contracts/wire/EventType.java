package org.dyad.contracts.wire;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives an event record its stable published name, {@code org.dyad.<aggregate>.<name>.v<version>}, which is what
 * subscribers see as the CloudEvents type. Renaming or moving the Java class never changes it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    String aggregate();

    String name();

    int version();
}
