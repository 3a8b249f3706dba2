package io.labdeck.lab;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The lab catalogue as JSON, per the contract's REST part. */
@Path("/api/labs")
@Produces(MediaType.APPLICATION_JSON)
public class LabResource {

    private final LabService labs;

    public LabResource(LabService labs) {
        this.labs = labs;
    }

    @GET
    public List<LabSummary> list() {
        return labs.labs().stream().map(LabSummary::of).toList();
    }

    /** One lab in one language; without {@code lang}, the lab's first language. */
    @GET
    @Path("/{id}")
    public LabDetail get(@PathParam("id") String id, @QueryParam("lang") String lang) {
        String language = lang == null || lang.isBlank() ? labs.lab(id).languages().getFirst() : lang;
        return LabDetail.of(id, labs.document(id, language));
    }
}
