package dev.clusterlab.host.plugin;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The extensions of one kind (algorithms, metrics or preprocessing steps) by id, with their descriptors
 * and aliases. The first provider of an id wins; a later one is refused, and its plugin reports it by
 * the empty list of what it provides.
 *
 * @param <T> the extension point
 * @param <D> its descriptor
 */
final class ExtensionTable<T, D> {
    private final Map<String, Loaded<T>> loaded = new LinkedHashMap<>();
    private final Map<String, D> descriptors = new LinkedHashMap<>();
    private final Map<String, String> aliases = new LinkedHashMap<>();

    /** @return false when {@code id} (or an alias equal to it) is taken already */
    boolean add(String id, List<String> more, D descriptor, Loaded<T> extension) {
        if (descriptors.containsKey(id) || aliases.containsKey(id)) {
            return false;
        }
        loaded.put(id, extension);
        descriptors.put(id, descriptor);
        aliases.put(id, id);
        for (String alias : more) {
            aliases.putIfAbsent(alias, id);
        }
        return true;
    }

    /** Takes back what {@link #add} registered for {@code id} (a plugin that failed half-way through describing itself). */
    void forget(String id) {
        loaded.remove(id);
        descriptors.remove(id);
        aliases.values().removeIf(id::equals);
    }

    Optional<Loaded<T>> loaded(String idOrAlias) {
        return Optional.ofNullable(aliases.get(idOrAlias)).map(loaded::get);
    }

    Optional<D> descriptor(String idOrAlias) {
        return Optional.ofNullable(aliases.get(idOrAlias)).map(descriptors::get);
    }

    /** @return every id and alias */
    /** @return the loaded extensions, in load order */
    java.util.Collection<Loaded<T>> all() {
        return java.util.Collections.unmodifiableCollection(loaded.values());
    }

    List<String> names() {
        return List.copyOf(aliases.keySet());
    }

    /** @return every descriptor in the given order */
    List<D> descriptors(Comparator<D> order) {
        return descriptors.values().stream().sorted(order).toList();
    }
}
