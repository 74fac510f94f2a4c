package com.roofworx.examples.adapter;

import com.roofworx.sdk.spi.ColdEntrySink;
import com.roofworx.sdk.testkit.contract.ColdEntrySinkContract;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The whole proof that a custom sink is right: extend the kit, build the sink, count what it stored. */
class JournalColdEntrySinkTest extends ColdEntrySinkContract {
    @TempDir
    Path dir;

    @Override
    protected ColdEntrySink newSink() {
        return new JournalColdEntrySink(dir.resolve("entries.tsv"));
    }

    @Override
    protected long storedRecordCount() {
        try {
            return Files.readAllLines(dir.resolve("entries.tsv")).size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
