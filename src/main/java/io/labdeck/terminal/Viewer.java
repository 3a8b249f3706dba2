package io.labdeck.terminal;

/** One browser tab attached to a terminal. Sends block until written: a slow viewer slows its terminal's pump. */
public interface Viewer {

    String id();

    /** Watchers see the output; their input and resizes are ignored. */
    boolean watch();

    void sendBinary(byte[] data);

    void sendText(String json);

    void close();
}
