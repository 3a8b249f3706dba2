package io.labdeck.session.store;

import io.labdeck.session.LabSession;
import io.labdeck.session.OutOfCapacityException;
import io.labdeck.session.OwnerQuotaException;
import io.labdeck.session.SessionState;
import io.labdeck.session.StartLimits;
import io.labdeck.session.StepProgress;
import io.labdeck.session.StoredCheck;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
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

    /**
     * Inserts a starting session if the limits allow it. The check and the insert are one step: the transaction
     * first locks the {@code sessions} row of {@code platform_lock}, so concurrent starts, on this server or another
     * sharing the database, take turns and never both see the last free seat.
     *
     * @throws OutOfCapacityException when every seat is taken
     * @throws OwnerQuotaException    when the owner holds as many live sessions as they may
     */
    @Transactional
    public void insertWithin(LabSession session, StartLimits limits, String clientAddress) {
        var em = sessions.getEntityManager();
        em.find(SessionLockEntity.class, SessionLockEntity.SESSIONS, LockModeType.PESSIMISTIC_WRITE);
        List<LabSession> owned = liveOwnedBy(session.ownerHash());
        List<String> sameLab = owned.stream().filter(s -> s.labId().equals(session.labId())).map(LabSession::id)
                .toList();
        if (sameLab.size() >= limits.perOwnerPerLab()) {
            throw new OwnerQuotaException("This browser already has a live session of this lab ("
                    + String.join(", ", sameLab) + "); resume it, or end it first.", sameLab);
        }
        if (owned.size() >= limits.perOwner()) {
            List<String> ids = owned.stream().map(LabSession::id).toList();
            throw new OwnerQuotaException("This browser already has " + owned.size() + " live sessions, the most one"
                    + " may hold (" + String.join(", ", ids) + "); end one first.", ids);
        }
        if (sessions.count("state in ?1", LIVE) >= limits.maxLive()) {
            throw new OutOfCapacityException("All " + limits.maxLive() + " sandboxes are in use; try again later.");
        }
        if (sessions.count("clientAddress = ?1 and state in ?2", clientAddress, LIVE) >= limits.perAddress()) {
            throw new OutOfCapacityException(limits.perAddress() + " sessions started from this address ("
                    + clientAddress + ") are live, the most one address may hold; end one, or ask for a class.");
        }
        SessionEntity row = SessionEntity.of(session);
        row.clientAddress = clientAddress;
        sessions.persist(row);
    }

    /** Sessions that are not live and were last used before {@code before}: what retention deletes. */
    @Transactional
    public List<String> endedBefore(Instant before, int limit) {
        return sessions.find("state not in ?1 and lastSeenAt < ?2", Sort.by("lastSeenAt"), LIVE, before).page(0, limit)
                .list().stream().map(e -> e.toRecord().id()).toList();
    }

    /** Deletes a session with its progress and check results (the foreign keys cascade). */
    @Transactional
    public void delete(String id) {
        progress.delete("sessionId", id);
        checks.delete("sessionId", id);
        sessions.deleteById(id);
    }

    /** Whether any stored session, live or not, has this owner hash. */
    @Transactional
    public boolean ownerKnown(String ownerHash) {
        return sessions.count("ownerHash", ownerHash) > 0;
    }

    @Transactional
    public LabSession update(LabSession session) {
        SessionEntity row = sessions.findById(session.id());
        if (row == null) {
            return sessions.getEntityManager().merge(SessionEntity.of(session)).toRecord();
        }
        row.update(session);
        return row.toRecord();
    }

    /** Moves a session from one state to another, if it is in the first: whether it was. */
    @Transactional
    public boolean changeState(String id, SessionState from, SessionState to) {
        return sessions.update("state = ?1 where id = ?2 and state = ?3", to, id, from) == 1;
    }

    /** Forgets that the session's step setups ran (a fresh sandbox has run none), keeping their statuses. */
    @Transactional
    public void clearSetups(String sessionId) {
        progress.update("setupAt = null, setupError = null where sessionId = ?1", sessionId);
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
