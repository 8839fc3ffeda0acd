package io.cloudconnector;

/** Whether a finding is current ({@code ACTIVE}) or no longer applies ({@code ARCHIVED}). */
public enum RecordState {
    /** The finding is current. */
    ACTIVE,
    /** The finding no longer applies, for example because the resource was deleted. */
    ARCHIVED
}
