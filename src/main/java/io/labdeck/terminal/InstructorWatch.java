package io.labdeck.terminal;

/**
 * Whether a signed-in instructor may watch a session's terminal (and, with the learner's consent, type into it),
 * and read its recording. Implemented above this package, by the classroom; without classes no one may.
 */
public interface InstructorWatch {

    /** Whether {@code instructor} teaches the class the session is in. */
    boolean teaches(String instructor, String sessionId);
}
