package io.labdeck.classroom;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Join codes: six characters that are easy to read aloud and to type from a projector. The alphabet leaves out
 * what is confused when spoken or seen (0/O/D/Q, 1/I/L, 2/Z, 5/S, 8/B, U/V, G/6): 19 symbols, about 47 million
 * codes. Learners may type them in any case, with spaces or a dash.
 */
public final class JoinCodes {

    static final String ALPHABET = "ACEFHJKMNPRTWXY3479";
    private static final int LENGTH = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private JoinCodes() {
    }

    public static String next() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    /** What a learner typed, as stored: upper case, without spaces and dashes. */
    public static String normalize(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** Whether it could be a code at all. */
    public static boolean wellFormed(String normalized) {
        return normalized.length() == LENGTH && normalized.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }
}
