package com.roofworx.examples.adapter;

import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.spi.ColdEntrySink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A custom cold sink: an append-only journal file, one line per entry, for a deployment whose compliance
 * copy is a file shipped to an archive. It shows the two duties of every sink: idempotency by entry id (an
 * entry already journalled is answered, not appended again) and one outcome per entry.
 * Its correctness is proven by {@code JournalColdEntrySinkTest}, a ten-line subclass of the testkit's
 * ColdEntrySinkContract.
 */
public final class JournalColdEntrySink implements ColdEntrySink {
    private final Path journal;
    private final Map<UUID, String> written = new HashMap<>();

    public JournalColdEntrySink(Path journal) {
        this.journal = journal;
        try {
            if (Files.exists(journal)) {
                for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
                    String[] fields = line.split("\t", 2);
                    written.put(UUID.fromString(fields[0]), "line-" + (written.size() + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journal " + journal, e);
        }
    }

    @Override
    public int maxBatchSize() {
        return 500;
    }

    @Override
    public synchronized Map<UUID, ColdOutcome> upsert(List<TimeEntry> entries) {
        Map<UUID, ColdOutcome> outcomes = new LinkedHashMap<>();
        StringBuilder lines = new StringBuilder();
        Map<UUID, String> added = new LinkedHashMap<>();
        for (TimeEntry e : entries) {
            String known = written.containsKey(e.id()) ? written.get(e.id()) : added.get(e.id());
            if (known == null) {
                known = "line-" + (written.size() + added.size() + 1);
                added.put(e.id(), known);
                lines.append(e.id()).append('\t').append(e.owner()).append('\t').append(e.projectId()).append('\t')
                        .append(e.workDate()).append('\t').append(e.minutes()).append('\n');
            }
            outcomes.put(e.id(), new ColdOutcome.Synced(known));
        }
        try {
            // One append per batch; if it fails nothing is remembered, and the engine retries the batch.
            Files.writeString(journal, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to journal " + journal, e);
        }
        written.putAll(added);
        return outcomes;
    }
}
