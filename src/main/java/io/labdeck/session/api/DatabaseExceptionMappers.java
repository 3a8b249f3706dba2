package io.labdeck.session.api;

import java.sql.SQLException;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hibernate.HibernateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.labdeck.platform.ApiError;
import io.labdeck.platform.WarnOnce;

/**
 * A database that is locked, full or gone gives 503 with a message that says so, never a stack trace: the learner
 * can try again, and the operator finds the cause once in the log.
 */
public class DatabaseExceptionMappers {

    private static final Logger LOG = Logger.getLogger(DatabaseExceptionMappers.class);
    private static final WarnOnce FAILURES = new WarnOnce(LOG, java.time.Duration.ofMinutes(5));

    @ServerExceptionMapper
    public Response persistence(PersistenceException e) {
        return unavailable(e);
    }

    @ServerExceptionMapper
    public Response hibernate(HibernateException e) {
        return unavailable(e);
    }

    @ServerExceptionMapper
    public Response transaction(TransactionalException e) {
        return unavailable(e);
    }

    @ServerExceptionMapper
    public Response sql(SQLException e) {
        return unavailable(e);
    }

    private static Response unavailable(Exception e) {
        FAILURES.warn("the database failed", e);
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON)
                .header("Retry-After", 5).entity(new ApiError("database-unavailable", message(e))).build();
    }

    /** In words, from the SQL state of the first SQLException among the causes. */
    static String message(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("53") || state.equals("HY000") && String.valueOf(sql.getMessage()).contains("space")) {
                    return "Labdeck's database is full and takes no more changes; nothing was saved. The operator"
                            + " has been told; try again later.";
                }
                if (state.equals("HYT00") || state.startsWith("40") || state.equals("55P03")) {
                    return "Labdeck's database is busy (a lock was held too long); nothing was saved. Try again in"
                            + " a moment.";
                }
                if (state.startsWith("08") || state.equals("90098") || state.equals("90121")) {
                    return "Labdeck cannot reach its database; nothing was saved. Try again in a moment.";
                }
            }
        }
        return "Labdeck's database did not answer as it should; nothing was saved. Try again in a moment.";
    }
}
