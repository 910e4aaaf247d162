package org.dyad.contracts.wire;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The declaration of a published event record: its stable published name,
 * {@code org.dyad.<aggregate>.<name>.v<version>}, which is what subscribers see as the CloudEvents type (renaming or
 * moving the Java class never changes it), and what the event means, which becomes the description of its JSON
 * Schema, its AsyncAPI message and its row in the event table of docs/events.md.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    String aggregate();

    String name();

    int version();

    /** What the event means, in one or two sentences naming its fields in backquotes. */
    String description();
}
