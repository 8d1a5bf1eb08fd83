package org.nodepoint.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** The settings in force, saved to nodepoint.cfg before any change becomes visible. */
public final class SettingsStore {
    private final SettingsFile file;
    private final AtomicReference<Settings> current;

    public SettingsStore(SettingsFile file) throws IOException {
        this.file = file;
        this.current = new AtomicReference<>(new Settings(file.load()));
    }

    public Settings current() {
        return current.get();
    }

    public synchronized Settings update(Map<String, String> changes) {
        Settings updated = current.get().with(changes);
        try {
            file.save(updated.asMap());
        } catch (IOException failure) {
            throw new UncheckedIOException("Failed to save " + file.path(), failure);
        }
        current.set(updated);
        return updated;
    }
}
