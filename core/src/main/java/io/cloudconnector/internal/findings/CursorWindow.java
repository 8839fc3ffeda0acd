package io.cloudconnector.internal.findings;

import io.cloudconnector.Finding;
import io.cloudconnector.FindingsCursor;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, for findings read oldest {@code UpdatedAt} first, which ones are new: the de-duplication of one region's
 * read, in memory that does not grow with the number of findings. It keeps the newest {@code UpdatedAt} let through
 * (the watermark) and the keys let through at exactly that instant.
 *
 * <p>A finding newer than the watermark is new. One at the watermark is new unless its key was already let through
 * there. One older than the watermark comes out of order, which a listing sorted by {@code UpdatedAt} only does when
 * it repeats itself (a token restart, a page boundary that shifted): it was let through before, so it is dropped,
 * and the newest version stays the one delivered. A finding updated while it is being read shows up again later with
 * a newer {@code UpdatedAt} and is let through again: its newer version comes after its older one.
 */
final class CursorWindow {

    private Instant watermark;
    private final Set<String> keysAtWatermark = new HashSet<>();

    /** A window that starts at {@code start}: what it covers counts as already let through. */
    CursorWindow(Optional<FindingsCursor> start) {
        start.ifPresent(cursor -> {
            watermark = cursor.watermark();
            keysAtWatermark.addAll(cursor.keysAtWatermark());
        });
    }

    /** Whether {@code finding} is new; if so, the window moves to take it in. */
    boolean admit(Finding finding) {
        Instant updatedAt = finding.updatedAt();
        if (watermark == null || updatedAt.isAfter(watermark)) {
            watermark = updatedAt;
            keysAtWatermark.clear();
            keysAtWatermark.add(finding.key());
            return true;
        }
        return updatedAt.equals(watermark) && keysAtWatermark.add(finding.key());
    }

    /** Where the window stands; empty before anything was let through. */
    Optional<FindingsCursor> cursor() {
        return watermark == null ? Optional.empty() : Optional.of(FindingsCursor.of(watermark, keysAtWatermark));
    }
}
