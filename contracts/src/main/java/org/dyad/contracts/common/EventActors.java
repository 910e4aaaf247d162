package org.dyad.contracts.common;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The actors an event names, read from its {@link ActorCode} components that name actors into a record. The
 * accessors are looked up once per event class: the views ask every event they project.
 */
final class EventActors {

    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);

    private static final ClassValue<List<MethodHandle>> ACCESSORS = new ClassValue<>() {
        @Override
        protected List<MethodHandle> computeValue(Class<?> eventClass) {
            return accessorsOf(eventClass);
        }
    };

    private EventActors() {
    }

    static List<String> of(DyadEvent event) {
        List<MethodHandle> accessors = ACCESSORS.get(event.getClass());
        if (accessors.isEmpty()) {
            return List.of();
        }
        List<String> actors = new ArrayList<>(4);
        for (MethodHandle accessor : accessors) {
            Object value;
            try {
                value = (Object) accessor.invokeExact((Object) event);
            } catch (Throwable e) {
                throw new IllegalStateException("cannot read the actors of " + event.getClass().getName(), e);
            }
            if (value instanceof String code) {
                actors.add(code);
            } else if (value instanceof Collection<?> codes) {
                codes.forEach(code -> {
                    if (code != null) {
                        actors.add((String) code);
                    }
                });
            }
        }
        return List.copyOf(actors);
    }

    /** The component accessors of an event record's actors, in declaration order. */
    static List<MethodHandle> accessorsOf(Class<?> eventClass) {
        if (!eventClass.isRecord()) {
            return List.of();
        }
        List<MethodHandle> accessors = new ArrayList<>();
        for (RecordComponent component : eventClass.getRecordComponents()) {
            ActorCode actorCode = component.getAnnotation(ActorCode.class);
            if (actorCode == null) {
                continue;
            }
            if (!holdsActorCodes(component)) {
                throw new IllegalStateException(eventClass.getName() + "." + component.getName()
                        + " is marked @ActorCode but is neither a String nor a List<String>");
            }
            if (actorCode.namesIntoRecord()) {
                try {
                    accessors.add(MethodHandles.publicLookup().unreflect(component.getAccessor()).asType(GETTER));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(eventClass.getName() + " is not a public record", e);
                }
            }
        }
        return List.copyOf(accessors);
    }

    static boolean holdsActorCodes(RecordComponent component) {
        return component.getType() == String.class
                || (component.getGenericType() instanceof ParameterizedType list && list.getRawType() == List.class
                && list.getActualTypeArguments()[0] == String.class);
    }
}
