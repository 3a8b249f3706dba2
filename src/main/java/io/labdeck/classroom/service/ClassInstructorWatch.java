package io.labdeck.classroom.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.labdeck.classroom.Seat;
import io.labdeck.classroom.store.ClassStore;
import io.labdeck.terminal.InstructorWatch;

/** The terminal lets an instructor watch (and, with consent, type into) the sessions of their own classes only. */
@ApplicationScoped
public class ClassInstructorWatch implements InstructorWatch {

    private final ClassStore classes;

    public ClassInstructorWatch(ClassStore classes) {
        this.classes = classes;
    }

    @Override
    public boolean teaches(String instructor, String sessionId) {
        return classes.seat(sessionId).map(Seat::classId).flatMap(classes::find)
                .filter(c -> c.instructor().equals(instructor)).isPresent();
    }
}
