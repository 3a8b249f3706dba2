-- Labdeck's own secret (HMAC key of owner cookies and registry credentials), made at first start, and the row
-- that session starts lock so that the capacity check and the insert are one atomic step, on every instance.
CREATE TABLE platform_secret (
    name    VARCHAR(64)  PRIMARY KEY,
    secret  VARCHAR(128) NOT NULL
);
CREATE TABLE platform_lock (
    name    VARCHAR(64)  PRIMARY KEY
);
INSERT INTO platform_lock (name) VALUES ('sessions');
