package io.labdeck.files.api;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import io.labdeck.files.service.Download;
import io.labdeck.files.service.FilesService;
import io.labdeck.sandbox.FileTree;
import io.labdeck.session.OwnerToken;
import io.labdeck.session.lifecycle.OwnerTokens;

/** Files in a session's working directory (contract: "Port preview and files"), for the session's owner. */
@Path("/api/sessions/{id}")
public class FilesResource {

    private final FilesService files;
    private final OwnerTokens owners;

    public FilesResource(FilesService files, OwnerTokens owners) {
        this.files = files;
        this.owners = owners;
    }

    /** Writes the body to the file at {@code path}, making missing folders: 204. */
    @PUT
    @Path("/files")
    @Consumes(MediaType.WILDCARD)
    public void upload(@PathParam("id") String id, @QueryParam("path") String path,
            @HeaderParam("Content-Length") String length, @CookieParam(OwnerToken.COOKIE) String cookie,
            InputStream body) {
        files.upload(id, owners.orNull(cookie), path, length(length), body);
    }

    /** The file's bytes, or a tar of the folder, as an attachment. */
    @GET
    @Path("/files")
    public Response download(@PathParam("id") String id, @QueryParam("path") String path,
            @CookieParam(OwnerToken.COOKIE) String cookie) {
        Download download = files.download(id, owners.orNull(cookie), path);
        StreamingOutput body = out -> download.writer().accept(out);
        var response = Response.ok(body, download.folder() ? "application/x-tar" : MediaType.APPLICATION_OCTET_STREAM)
                .header("Content-Disposition", disposition(download.filename()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store");
        if (!download.folder()) {
            response.header("Content-Length", download.size());
        }
        return response.build();
    }

    /** The folder at {@code path} (the working directory when empty), for the editor's file tree. */
    @GET
    @Path("/tree")
    @Produces(MediaType.APPLICATION_JSON)
    public FileTree tree(@PathParam("id") String id, @QueryParam("path") String path,
            @CookieParam(OwnerToken.COOKIE) String cookie) {
        return files.tree(id, owners.orNull(cookie), path);
    }

    private static OptionalLong length(String header) {
        if (header == null || header.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(header.strip()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** An attachment named in ASCII for old clients and in UTF-8 (RFC 6266) for the rest. */
    static String disposition(String filename) {
        String ascii = filename.replaceAll("[^A-Za-z0-9._-]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
