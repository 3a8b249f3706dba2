package io.labdeck.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The instructor's pages: the class list and its form, the dashboard, the watch view and the replay (classes.js,
 * dashboard.js, watch.js and replay.js get what they build with as data-label-* attributes). English is here;
 * Japanese and Korean are in {@code messages/teach_ja.properties} and {@code messages/teach_ko.properties}.
 * Templates use {@code {teach:key}}. A parameter that the page fills in itself is given as its literal placeholder,
 * e.g. {@code {teach:stuckOn('{names}')}}. Plain text only: the templates escape the result.
 */
@MessageBundle(value = "teach", locale = "en")
public interface InstructorMessages {

    // ---- The class list and the form ----
    @Message("Your classes") String classesTitle();
    @Message("Create a class for a lab, then show its join code or QR code to your learners. They need no account.") String classesIntro();
    @Message("You have no classes yet.") String classesEmpty();
    @Message("Could not load your classes.") String loadFailed();
    @Message("New class") String createTitle();
    @Message("Name") String nameLabel();
    @Message("e.g. Docker workshop, Tuesday") String namePlaceholder();
    @Message("Lab") String labLabel();
    @Message("Language") String langLabel();
    @Message("Seats") String seatsLabel();
    @Message("Opens at") String startsLabel();
    @Message("Ends at") String endsLabel();
    @Message("optional") String optional();
    @Message("Create class") String createButton();
    @Message("Creating…") String creating();
    @Message("Could not create the class.") String createFailed();
    @Message("Class created") String createdTitle();
    @Message("Join code") String joinCodeLabel();
    @Message("Join link") String joinLinkLabel();
    @Message("QR code of the join link") String qrAlt();
    @Message("Open the dashboard") String openDashboard();
    @Message("Class") String colClass();
    @Message("State") String colState();
    @Message("Created") String colCreated();
    @Message("Scheduled") String stateScheduled();
    @Message("Open") String stateOpen();
    @Message("Closed") String stateClosed();
    @Message("All classes") String allClasses();

    // ---- The dashboard ----
    @Message("Class dashboard") String dashboardTitle();
    @Message("Updates") String modeLabel();
    @Message("Connecting…") String modeConnecting();
    @Message("Live") String modeLive();
    @Message("Polling every second") String modePolling();
    @Message("Show the join code") String showJoin();
    @Message("Hide the join code") String hideJoin();
    @Message("Raised hands") String handsTitle();
    @Message("No raised hands.") String handsEmpty();
    @Message("on {step}") String handOnStep(String step);
    @Message("Answer") String answerButton();
    @Message("Message to every learner") String broadcastLabel();
    @Message("e.g. Break until 11:00") String broadcastPlaceholder();
    @Message("Send") String broadcastSend();
    @Message("Sent to every learner.") String broadcastSent();
    @Message("Could not send the message.") String broadcastFailed();
    @Message("Export CSV") String exportCsv();
    @Message("Extend everyone") String extendAll();
    @Message("Everyone's time was extended.") String extendedAll();
    @Message("Extend") String extendOne();
    @Message("{name}'s time was extended.") String extendedOne(String name);
    @Message("Reset") String resetButton();
    @Message("Give {name} a fresh sandbox? Their progress is kept.") String resetConfirm(String name);
    @Message("{name} has a fresh sandbox.") String resetDone(String name);
    @Message("Close class") String closeClass();
    @Message("Close the class now? Every learner's session ends and no one can join any more.") String closeConfirm();
    @Message("Close it") String closeConfirmButton();
    @Message("Cancel") String cancel();
    @Message("The class is closed.") String closedNotice();
    @Message("That did not work.") String actionFailed();

    @Message("Your sign-in has ended. Reload the page to sign in again.") String signInAgain();
    @Message("Learners and steps") String gridCaption();
    @Message("Learner") String colLearner();
    @Message("Current step") String colCurrent();
    @Message("Time on it") String colTime();
    @Message("Last activity") String colActivity();
    @Message("Failed checks") String colFailed();
    @Message("Actions") String colActions();
    @Message("Passed / stuck") String summaryRow();
    @Message("{passed} passed") String passedCount(String passed);
    @Message("stuck: {names}") String stuckOn(String names);
    @Message("Stuck") String stuckBadge();
    @Message("no pass for a while") String stuckNoPass();
    @Message("repeated failed checks") String stuckRepeatedFails();
    @Message("Done") String completedBadge();
    @Message("Hand raised") String handBadge();
    @Message("Watch") String watchLink();
    @Message("Replay") String replayLink();
    @Message("No one has joined yet. Show your learners the join code.") String noLearners();

    // ---- Watching a learner ----
    @Message("Watching {name}") String watchTitle(String name);
    @Message("Read-only: the learner has not let you type.") String watchReadOnly();
    @Message("The learner lets you type in their terminal.") String watchTakeover();
    @Message("Back to the dashboard") String backToDashboard();
    @Message("Steps") String stepsTitle();
    @Message("Could not open the learner's terminal.") String watchFailed();

    // ---- Replaying a recording ----
    @Message("Replay of {name}") String replayTitle(String name);
    @Message("Play") String play();
    @Message("Pause") String pause();
    @Message("From the start") String restart();
    @Message("Speed") String speedLabel();
    @Message("Loading the recording…") String replayLoading();
    @Message("This session has no recording yet.") String replayMissing();
    @Message("Could not load the recording.") String replayFailed();
    @Message("Pauses longer than a few seconds are shortened.") String replayNote();
}
