package io.labdeck.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

/**
 * Sessions and progress in the database (H2 by default, PostgreSQL by configuration), as domain records. Each
 * method is one short transaction; none is held while a sandbox is being made.
 */
@ApplicationScoped
public class SessionStore {

    private static final List<SessionState> LIVE = List.of(SessionState.STARTING, SessionState.READY);

    private final SessionRepository sessions;
    private final StepProgressRepository progress;
    private final CheckResultRepository checks;

    SessionStore(SessionRepository sessions, StepProgressRepository progress, CheckResultRepository checks) {
        this.sessions = sessions;
        this.progress = progress;
        this.checks = checks;
    }

    @Transactional
    public void insert(LabSession session) {
        sessions.persist(SessionEntity.of(session));
    }

    @Transactional
    public LabSession update(LabSession session) {
        return sessions.getEntityManager().merge(SessionEntity.of(session)).toRecord();
    }

    @Transactional
    public Optional<LabSession> find(String id) {
        return sessions.findByIdOptional(id).map(SessionEntity::toRecord);
    }

    @Transactional
    public List<LabSession> live() {
        return sessions.list("state in ?1", Sort.by("createdAt"), LIVE).stream().map(SessionEntity::toRecord)
                .toList();
    }

    @Transactional
    public Set<String> liveIds() {
        return live().stream().map(LabSession::id).collect(Collectors.toSet());
    }

    @Transactional
    public long countLive() {
        return sessions.count("state in ?1", LIVE);
    }

    @Transactional
    public List<LabSession> liveOwnedBy(String ownerHash) {
        return sessions.list("ownerHash = ?1 and state in ?2", Sort.by("createdAt"), ownerHash, LIVE).stream()
                .map(SessionEntity::toRecord).toList();
    }

    @Transactional
    public void touch(String id, Instant seen) {
        sessions.update("lastSeenAt = ?1 where id = ?2 and lastSeenAt < ?1", seen, id);
    }

    @Transactional
    public List<StepProgress> progress(String sessionId) {
        return progress.list("sessionId", sessionId).stream().map(StepProgressEntity::toRecord).toList();
    }

    @Transactional
    public void saveProgress(String sessionId, StepProgress step) {
        progress.getEntityManager().merge(StepProgressEntity.of(sessionId, step));
    }

    @Transactional
    public void saveCheck(String sessionId, StoredCheck check) {
        checks.persist(CheckResultEntity.of(sessionId, check));
    }

    @Transactional
    public List<StoredCheck> checks(String sessionId) {
        return checks.list("sessionId", Sort.by("id"), sessionId).stream().map(CheckResultEntity::toRecord).toList();
    }

    /** The owner's most recent session of a lab in a language, whatever its state. */
    @Transactional
    public Optional<LabSession> latest(String ownerHash, String labId, String lang) {
        return sessions.find("ownerHash = ?1 and labId = ?2 and lang = ?3", Sort.descending("createdAt"), ownerHash,
                labId, lang).firstResultOptional().map(SessionEntity::toRecord);
    }
}
