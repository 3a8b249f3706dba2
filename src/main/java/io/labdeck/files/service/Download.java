package io.labdeck.files.service;

import java.io.OutputStream;
import java.util.function.Consumer;

/**
 * A download, checked and ready to stream.
 *
 * @param filename what the browser saves it as ({@code NAME.tar} for a folder)
 * @param folder   whether it is a folder's tar
 * @param size     a file's length; for a folder its disk use, a guess of the tar's length
 * @param writer   streams the bytes
 */
public record Download(String filename, boolean folder, long size, Consumer<OutputStream> writer) {
}
