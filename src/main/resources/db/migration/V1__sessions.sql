-- Sessions and their step progress. Portable between H2 and PostgreSQL.
CREATE TABLE lab_session (
    id            VARCHAR(32)  PRIMARY KEY,
    lab_id        VARCHAR(128) NOT NULL,
    lang          VARCHAR(16)  NOT NULL,
    owner_hash    VARCHAR(64)  NOT NULL,
    state         VARCHAR(16)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    sandbox_id    VARCHAR(128)
);
CREATE INDEX lab_session_state ON lab_session (state);
CREATE INDEX lab_session_owner ON lab_session (owner_hash);

CREATE TABLE step_progress (
    session_id  VARCHAR(32)  NOT NULL REFERENCES lab_session (id) ON DELETE CASCADE,
    step_id     VARCHAR(256) NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    message     VARCHAR(4000) NOT NULL,
    checked_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (session_id, step_id)
);
