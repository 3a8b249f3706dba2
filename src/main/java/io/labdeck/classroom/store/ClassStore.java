package io.labdeck.classroom.store;

import io.labdeck.classroom.ClassUnavailableException;
import io.labdeck.classroom.Classroom;
import io.labdeck.classroom.HelpRequest;
import io.labdeck.classroom.Joinable;
import io.labdeck.classroom.Seat;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

/** Classes, their seats and raised hands in the database, as domain records. Each method is one short transaction. */
@ApplicationScoped
public class ClassStore {

    private final ClassRepository classes;
    private final SeatRepository seats;
    private final HelpRepository help;

    ClassStore(ClassRepository classes, SeatRepository seats, HelpRepository help) {
        this.classes = classes;
        this.seats = seats;
        this.help = help;
    }

    /** Inserts a class; false when its join code is taken (the caller draws another). */
    @Transactional
    public boolean insert(Classroom c) {
        if (classes.count("joinCode", c.joinCode()) > 0) {
            return false;
        }
        classes.persist(ClassEntity.of(c));
        return true;
    }

    @Transactional
    public Optional<Classroom> find(String id) {
        return classes.findByIdOptional(id).map(ClassEntity::toRecord);
    }

    @Transactional
    public Optional<Classroom> byJoinCode(String code) {
        return classes.find("joinCode", code).firstResultOptional().map(ClassEntity::toRecord);
    }

    @Transactional
    public List<Classroom> ofInstructor(String instructor) {
        return classes.list("instructor", Sort.descending("createdAt"), instructor).stream()
                .map(ClassEntity::toRecord).toList();
    }

    @Transactional
    public Classroom update(Classroom c) {
        ClassEntity row = classes.findById(c.id());
        row.update(c);
        return row.toRecord();
    }

    /**
     * Gives a learner a seat, if the class can be joined now and, when it has a seat limit, the learner has a seat
     * already or one is free. The class's row is locked first, so two joins never both take its last seat.
     *
     * @throws ClassUnavailableException when the class is not open, or full
     */
    @Transactional
    public void takeSeat(Seat seat, Instant now) {
        ClassEntity row = classes.getEntityManager().find(ClassEntity.class, seat.classId(),
                LockModeType.PESSIMISTIC_WRITE);
        Classroom c = row.toRecord();
        Joinable.check(c, now);
        if (c.seats().isPresent() && seats.count("classId = ?1 and ownerHash = ?2", c.id(), seat.ownerHash()) == 0) {
            long taken = classes.getEntityManager().createQuery(
                    "select count(distinct s.ownerHash) from SeatEntity s where s.classId = ?1", Long.class)
                    .setParameter(1, c.id()).getSingleResult();
            if (taken >= c.seats().get()) {
                throw new ClassUnavailableException("class-full", "All " + c.seats().get() + " seats of the class '"
                        + c.name() + "' are taken; ask its instructor for another.");
            }
        }
        seats.persist(SeatEntity.of(seat));
    }

    /** Gives back a seat whose session never started. */
    @Transactional
    public void releaseSeat(String sessionId) {
        seats.deleteById(sessionId);
    }

    @Transactional
    public Optional<Seat> seat(String sessionId) {
        return seats.findByIdOptional(sessionId).map(SeatEntity::toRecord);
    }

    /** The browser's latest seat in the class. */
    @Transactional
    public Optional<Seat> latestSeat(String classId, String ownerHash) {
        return seats.find("classId = ?1 and ownerHash = ?2", Sort.descending("joinedAt"), classId, ownerHash)
                .firstResultOptional().map(SeatEntity::toRecord);
    }

    /** Each learner's latest seat in the class, in the order they first joined. */
    @Transactional
    public List<Seat> learners(String classId) {
        List<Seat> all = seats.list("classId", Sort.by("joinedAt"), classId).stream().map(SeatEntity::toRecord)
                .toList();
        BinaryOperator<Seat> later = (a, b) -> b.joinedAt().isBefore(a.joinedAt()) ? a : b;
        Map<String, Seat> latest = all.stream().collect(Collectors.toMap(Seat::ownerHash, s -> s, later));
        Map<String, Instant> first = all.stream().collect(Collectors.toMap(Seat::ownerHash, Seat::joinedAt,
                (a, b) -> a.isBefore(b) ? a : b));
        return latest.values().stream().sorted(Comparator.comparing((Seat s) -> first.get(s.ownerHash()))
                .thenComparing(Seat::sessionId)).toList();
    }

    @Transactional
    public HelpRequest raise(String classId, String sessionId, Optional<String> stepId, String message,
            Instant at) {
        HelpEntity e = new HelpEntity();
        e.classId = classId;
        e.sessionId = sessionId;
        e.stepId = stepId.orElse(null);
        e.message = message;
        e.raisedAt = at;
        help.persist(e);
        return e.toRecord();
    }

    @Transactional
    public Optional<HelpRequest> openHelp(String sessionId) {
        return help.find("sessionId = ?1 and answeredAt is null", Sort.descending("id"), sessionId)
                .firstResultOptional().map(HelpEntity::toRecord);
    }

    /** The class's raised hands, oldest first. */
    @Transactional
    public List<HelpRequest> openHelpOfClass(String classId) {
        return help.list("classId = ?1 and answeredAt is null", Sort.by("id"), classId).stream()
                .map(HelpEntity::toRecord).toList();
    }

    /** Lowers the session's raised hands; answers those it lowered. */
    @Transactional
    public List<HelpRequest> answer(String sessionId, String by, Instant at) {
        List<HelpEntity> open = help.list("sessionId = ?1 and answeredAt is null", sessionId);
        open.forEach(e -> {
            e.answeredAt = at;
            e.answeredBy = by;
        });
        return open.stream().map(HelpEntity::toRecord).toList();
    }
}
