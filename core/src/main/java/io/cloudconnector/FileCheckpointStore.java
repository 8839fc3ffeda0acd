package io.cloudconnector;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link CheckpointStore} that keeps each cursor in a JSON file of one directory, named after a hash of its key.
 *
 * <p>A save writes a temporary file in the same directory, forces it to disk, and moves it over the old file with
 * an atomic move, so a crash leaves either the old cursor or the new one. The directory is created on the first
 * save; it must be on a file system that supports atomic moves (local disks do), else saving throws
 * {@link ConnectorException}. One process per directory at a time.
 */
public final class FileCheckpointStore implements CheckpointStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int NAME_HEX_CHARS = 32;

    private final Path directory;

    private FileCheckpointStore(Path directory) {
        this.directory = directory;
    }

    /** A store keeping its files in {@code directory}. */
    public static FileCheckpointStore in(Path directory) {
        return new FileCheckpointStore(Objects.requireNonNull(directory, "directory"));
    }

    /** The directory the files are kept in. */
    public Path directory() {
        return directory;
    }

    /**
     * {@inheritDoc}
     *
     * @throws ConnectorException when the file exists but cannot be read or parsed
     */
    @Override
    public Optional<FindingsCursor> load(String key) {
        Path file = fileOf(key);
        try {
            StoredCursor stored = JSON.readValue(Files.readAllBytes(file), StoredCursor.class);
            if (stored.watermark() == null || stored.keys() == null) {
                throw unreadable(file, key, "watermark or keys missing", null);
            }
            return Optional.of(FindingsCursor.of(Instant.parse(stored.watermark()), Set.copyOf(stored.keys())));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | DateTimeParseException e) {
            throw unreadable(file, key, e.getMessage(), e);
        }
    }

    private static ConnectorException unreadable(Path file, String key, String why, Exception cause) {
        return new ConnectorException("Cannot read the findings checkpoint " + file + " (key " + key + "): " + why,
            cause);
    }

    /**
     * {@inheritDoc}
     *
     * @throws ConnectorException when the file cannot be written or moved into place atomically
     */
    @Override
    public void save(String key, FindingsCursor cursor) {
        Path file = fileOf(key);
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
            byte[] json = JSON.writeValueAsBytes(new StoredCursor(key, cursor.watermark().toString(),
                cursor.keysAtWatermark().stream().sorted().toList()));
            writeDurably(temporary, json);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new ConnectorException("Cannot save the findings checkpoint " + file + " (key " + key + "): "
                + e.getMessage(), e);
        }
    }

    private static void writeDurably(Path file, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the temporary file is left behind; the next save uses another name
        }
    }

    private Path fileOf(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return directory.resolve(HexFormat.of().formatHex(hash).substring(0, NAME_HEX_CHARS) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The file's content; the key is kept for a person reading the directory. */
    private record StoredCursor(String key, String watermark, List<String> keys) {
    }
}
