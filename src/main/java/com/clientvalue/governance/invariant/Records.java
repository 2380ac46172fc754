package com.clientvalue.governance.invariant;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/** A record with one component changed, by name: how generated inputs set the fields the tables name. */
final class Records {
    /*
     * Resolved once per record class: looking up the components, their accessors and the canonical
     * constructor by reflection on every call cost ~100 µs per generated input (ClientFacts has 41
     * components), most of an invariant check's time.
     */
    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private Records() {
    }

    static <R extends Record> R with(R record, String component, Object value) {
        Shape shape = SHAPES.get(record.getClass());
        int index = Arrays.asList(shape.names()).indexOf(component);
        if (index < 0) {
            throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no field " + component);
        }
        try {
            Object[] values = new Object[shape.names().length];
            for (int i = 0; i < values.length; i++) {
                values[i] = i == index ? value : (Object) shape.accessors()[i].invokeExact((Object) record);
            }
            @SuppressWarnings("unchecked")
            R changed = (R) (Object) shape.constructor().invokeExact(values);
            return changed;
        } catch (Error e) {
            throw e;
        } catch (Throwable e) { // what the canonical constructor threw (invokeExact declares Throwable)
            throw new IllegalStateException("cannot set " + component + " of " + record.getClass().getSimpleName(), e);
        }
    }

    /** A record class's component names, accessors (Object to Object) and canonical constructor (taking an Object[]). */
    private record Shape(String[] names, MethodHandle[] accessors, MethodHandle constructor) {
        static Shape of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            String[] names = new String[components.length];
            MethodHandle[] accessors = new MethodHandle[components.length];
            Class<?>[] types = new Class<?>[components.length];
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            try {
                for (int i = 0; i < components.length; i++) {
                    names[i] = components[i].getName();
                    types[i] = components[i].getType();
                    accessors[i] = lookup.unreflect(components[i].getAccessor()).asType(MethodType.methodType(Object.class, Object.class));
                }
                MethodHandle constructor = lookup.findConstructor(type, MethodType.methodType(void.class, types))
                        .asSpreader(Object[].class, types.length).asType(MethodType.methodType(Object.class, Object[].class));
                return new Shape(names, accessors, constructor);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read the components of " + type.getSimpleName(), e);
            }
        }
    }
}
