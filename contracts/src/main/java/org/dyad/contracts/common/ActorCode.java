package org.dyad.contracts.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an event record component that holds an actor code, or a list of them: a state, group or organisation of
 * the actor reference list. The event schemas describe such a property as an actor code, and
 * {@link DyadEvent#actors()} answers the codes of the components that bring their actors into the record.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface ActorCode {

    /**
     * Whether the event brings this actor into its record, so that the views file the record under it: true for a
     * sale's supplier and recipient, an agreement's parties, a new signatory; false for an actor the record named
     * before, such as the party whose participation is suspended (the aggregate accepts only its own parties there).
     */
    boolean namesIntoRecord() default true;
}
