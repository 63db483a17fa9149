package dev.interlock.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * What an operation acts on. Locators say where it is: {@code namespace}, {@code context}, {@code account},
 * {@code profile}, {@code project}, {@code subscription}, {@code region}, {@code workspace}, {@code directory},
 * {@code path}, {@code database}, {@code host}, {@code branch}, {@code area}, … (an open set; environment resolution
 * and policy read them).
 */
public record Resource(String type, String name, Map<String, String> locators) {
    public Resource {
        type = type == null ? "" : type;
        name = name == null ? "" : name;
        locators = locators == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(locators));
    }

    public static Resource of(String type, String name) {
        return new Resource(type, name, Map.of());
    }

    public String locator(String key) {
        return locators.getOrDefault(key, "");
    }

    public Resource withLocator(String key, String value) {
        if (value == null || value.isEmpty()) {
            return this;
        }
        Map<String, String> copy = new TreeMap<>(locators);
        copy.put(key, value);
        return new Resource(type, name, copy);
    }
}
