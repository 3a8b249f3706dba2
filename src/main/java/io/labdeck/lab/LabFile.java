package io.labdeck.lab;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * lab.yaml as written. Unknown keys are errors, so a typo such as {@code chek:} is reported, not ignored.
 * Values that need parsing ({@code 512m}, {@code 15s}) are parsed while binding, so errors carry the line.
 */
record LabFile(Map<String, String> title, Map<String, String> description, Map<String, String> content,
        SandboxFile sandbox, Boolean gated, String setup, List<StepFile> steps) {

    record SandboxFile(String image, Boolean docker, ByteSize memory, Double cpus, Integer pids, ByteSize disk,
            DurationText duration, EgressWord egress, List<PortWord> ports) {
    }

    /** One entry of {@code sandbox.ports}: a port ({@code 5001}) or an inclusive range ({@code 8000-8100}). */
    record PortWord(int from, int to) {
        private static final Pattern RANGE = Pattern.compile("(\\d{1,5})(?:\\s*-\\s*(\\d{1,5}))?");

        @JsonCreator
        static PortWord parse(String text) {
            Matcher m = RANGE.matcher(text.strip());
            if (m.matches()) {
                int from = Integer.parseInt(m.group(1));
                int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
                if (from >= 1 && to <= 65535 && from <= to) {
                    return new PortWord(from, to);
                }
            }
            throw new IllegalArgumentException("'" + text + "' is not a port; write e.g. 5001 or 8000-8100 (1-65535)");
        }

        /** A port written as a YAML number ({@code ports: [5001]}), which Jackson does not coerce to a string here. */
        @JsonCreator
        static PortWord of(int port) {
            return parse(Integer.toString(port));
        }

        boolean single() {
            return from == to;
        }
    }

    /** What the sandbox may reach: {@code none}, {@code registry} or {@code internet}. */
    record EgressWord(String value) {
        private static final java.util.Set<String> WORDS = java.util.Set.of("none", "registry", "internet");

        @JsonCreator
        static EgressWord parse(String text) {
            String word = text.strip().toLowerCase(Locale.ROOT);
            if (!WORDS.contains(word)) {
                throw new IllegalArgumentException("'" + text + "' is not an egress; write none, registry or internet");
            }
            return new EgressWord(word);
        }
    }

    record StepFile(String id, String check, DurationText timeout, List<String> needs, Map<String, String> hint,
            String solve, String setup) {
    }

    /** A size such as {@code 512m}, {@code 1g} or {@code 1073741824}. */
    record ByteSize(long bytes) {
        private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)i?b?");

        @JsonCreator
        static ByteSize parse(String text) {
            Matcher m = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + text + "' is not a size; write e.g. 512m or 1g");
            }
            int shift = switch (m.group(2)) {
                case "k" -> 10;
                case "m" -> 20;
                case "g" -> 30;
                case "t" -> 40;
                default -> 0;
            };
            return new ByteSize((long) (Double.parseDouble(m.group(1)) * (1L << shift)));
        }
    }

    /** A duration such as {@code 15s}, {@code 60m}, {@code 1h30m} or {@code 500ms}. */
    record DurationText(Duration value) {
        private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

        @JsonCreator
        static DurationText parse(String text) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            Matcher m = PART.matcher(t);
            Duration total = Duration.ZERO;
            int end = 0;
            while (m.find() && m.start() == end) {
                long n = Long.parseLong(m.group(1));
                total = total.plus(switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                });
                end = m.end();
            }
            if (end == 0 || end != t.length() || total.isZero()) {
                throw new IllegalArgumentException("'" + text + "' is not a duration; write e.g. 15s, 60m or 1h30m");
            }
            return new DurationText(total);
        }
    }
}
