package io.cloudconnector.internal.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudconnector.ConnectorException;
import io.cloudconnector.FileCheckpointStore;
import io.cloudconnector.FindingsCursor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCheckpointStoreTest {

    private static final FindingsCursor CURSOR = FindingsCursor.of(Instant.parse("2026-11-29T11:07:45.123Z"),
        Set.of("arn:p a", "arn:p b"));

    @TempDir
    Path directory;

    @Test
    void load_nothingSaved_isEmpty() {
        assertThat(FileCheckpointStore.in(directory.resolve("absent")).load("key")).isEmpty();
    }

    @Test
    void save_thenLoad_returnsTheCursorAndLeavesNoTemporaryFile() throws IOException {
        FileCheckpointStore store = FileCheckpointStore.in(directory.resolve("checkpoints"));

        store.save("findings-export/1/2/x/us-east-1", CURSOR);
        store.save("findings-export/1/2/x/eu-west-1", FindingsCursor.of(Instant.EPOCH, Set.of()));

        assertThat(store.load("findings-export/1/2/x/us-east-1")).contains(CURSOR);
        assertThat(store.load("findings-export/1/2/x/eu-west-1")).contains(FindingsCursor.of(Instant.EPOCH,
            Set.of()));
        try (Stream<Path> files = Files.list(store.directory())) {
            assertThat(files).hasSize(2).allSatisfy(file -> assertThat(file.toString()).endsWith(".json"));
        }
    }

    @Test
    void save_again_replacesTheCursor() {
        FileCheckpointStore store = FileCheckpointStore.in(directory);
        store.save("key", CURSOR);

        FindingsCursor newer = FindingsCursor.of(CURSOR.watermark().plusSeconds(1), Set.of("arn:p c"));
        store.save("key", newer);

        assertThat(store.load("key")).contains(newer);
    }

    @Test
    void load_corruptFile_throwsNamingTheKey() throws IOException {
        FileCheckpointStore store = FileCheckpointStore.in(directory);
        store.save("key", CURSOR);
        try (Stream<Path> files = Files.list(directory)) {
            Files.writeString(files.findFirst().orElseThrow(), "{\"watermark\":", StandardCharsets.UTF_8);
        }

        assertThatThrownBy(() -> store.load("key"))
            .isInstanceOf(ConnectorException.class)
            .hasMessageContaining("Cannot read the findings checkpoint")
            .hasMessageContaining("(key key)");
    }
}
