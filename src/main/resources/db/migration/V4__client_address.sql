-- The address a session was started from (grouped: an IPv6 /64), for the cap on live sessions per address.
ALTER TABLE lab_session ADD COLUMN client_address VARCHAR(64);
CREATE INDEX lab_session_client ON lab_session (client_address);
