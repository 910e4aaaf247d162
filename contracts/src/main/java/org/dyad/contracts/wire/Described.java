package org.dyad.contracts.wire;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a value type used in events is (a record or an enum such as {@code PartialDate} or {@code DealStage}); it
 * becomes the description of the type's definition in every event schema that uses it. Event schemas are not
 * generated for a type without it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Described {

    String value();
}
