package com.clientvalue.governance.invariant;

import java.lang.reflect.RecordComponent;

/** A record with one component changed, by name: how generated inputs set the fields the tables name. */
final class Records {
    private Records() {
    }

    static <R extends Record> R with(R record, String component, Object value) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean found = false;
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                boolean target = components[i].getName().equals(component);
                found |= target;
                values[i] = target ? value : components[i].getAccessor().invoke(record);
            }
            if (!found) {
                throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no field " + component);
            }
            @SuppressWarnings("unchecked")
            R changed = (R) record.getClass().getDeclaredConstructor(types).newInstance(values);
            return changed;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot set " + component + " of " + record.getClass().getSimpleName(), e);
        }
    }
}
