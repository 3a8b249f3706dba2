package io.labdeck.classroom.store;

import io.labdeck.classroom.ClassEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Sort;

/** The event log: every {@link ClassEvent} in the database, its data as JSON text. */
@ApplicationScoped
public class EventStore {

    private static final int MAX_DATA = 4000;

    private final EventRepository events;
    private final ObjectMapper json;

    EventStore(EventRepository events, ObjectMapper json) {
        this.events = events;
        this.json = json;
    }

    /** Stores the event; answers it with its number. */
    @Transactional
    public ClassEvent append(ClassEvent e) {
        EventEntity row = new EventEntity();
        row.event = e.event();
        row.occurredAt = e.timestamp();
        row.classId = e.classId().orElse(null);
        row.sessionId = e.sessionId().orElse(null);
        row.labId = e.labId().orElse(null);
        row.stepId = e.stepId().orElse(null);
        row.data = write(e.data());
        events.persist(row);
        return e.withId(row.id);
    }

    /** A class's events after the one numbered {@code after}, oldest first, at most {@code limit}. */
    @Transactional
    public List<ClassEvent> ofClass(String classId, long after, int limit) {
        return events.find("classId = ?1 and id > ?2", Sort.by("id"), classId, after).page(0, limit).list().stream()
                .map(this::toRecord).toList();
    }

    /** A session's events, oldest first. */
    @Transactional
    public List<ClassEvent> ofSession(String sessionId) {
        return events.list("sessionId", Sort.by("id"), sessionId).stream().map(this::toRecord).toList();
    }

    private ClassEvent toRecord(EventEntity e) {
        return new ClassEvent(e.id, e.event, e.occurredAt, Optional.ofNullable(e.classId),
                Optional.ofNullable(e.sessionId), Optional.ofNullable(e.labId), Optional.ofNullable(e.stepId),
                read(e.data));
    }

    private String write(Map<String, Object> data) {
        try {
            String text = json.writeValueAsString(data);
            return text.length() <= MAX_DATA ? text : json.writeValueAsString(Map.of("truncated", true));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data is not JSON: " + e.getMessage(), e);
        }
    }

    private Map<String, Object> read(String text) {
        try {
            return json.readValue(text, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            return Map.of("unreadable", text);
        }
    }
}
