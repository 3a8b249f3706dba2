package io.labdeck.preview.api;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.identity.SecurityIdentity;

import io.labdeck.preview.ports.PortView;
import io.labdeck.preview.ports.PortsService;
import io.labdeck.session.OwnerToken;
import io.labdeck.session.lifecycle.OwnerTokens;

/** The ports a session's sandbox serves, as links (contract: "Port preview and files"), for the session's owner and its class's instructor. */
@Path("/api/sessions/{id}/ports")
public class PortsResource {

    private final PortsService ports;
    private final OwnerTokens owners;
    private final SecurityIdentity identity;

    public PortsResource(PortsService ports, OwnerTokens owners, SecurityIdentity identity) {
        this.ports = ports;
        this.owners = owners;
        this.identity = identity;
    }

    /** {@code [{port, url, answering, state, reason, reasonCode}]} by port. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<PortView> ports(@PathParam("id") String id, @CookieParam(OwnerToken.COOKIE) String cookie) {
        return ports.ports(id, owners.orNull(cookie), identity.isAnonymous() ? Optional.empty()
                : Optional.of(identity.getPrincipal().getName()));
    }
}
