-- Store-and-forward outbox for writes to the centre that may wait (evaluations, reports,
-- heartbeats, logs, deferred application submissions). A row is committed (WAL,
-- synchronous=FULL) before the resident is told "done"; the drainer delivers rows of one kind
-- in seq order with the idempotency key fixed here, so a retried delivery has one effect.
CREATE TABLE outbox (
    seq              INTEGER PRIMARY KEY AUTOINCREMENT,
    kind             TEXT    NOT NULL,
    idempotency_key  TEXT    NOT NULL UNIQUE,
    path             TEXT    NOT NULL,
    -- AES-GCM sealed JSON body (nonce || ciphertext+tag); AAD binds it to kind and key.
    body             BLOB    NOT NULL,
    state            TEXT    NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'DELIVERED', 'DEAD')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    created_at       INTEGER NOT NULL,   -- epoch ms
    next_attempt_at  INTEGER NOT NULL,   -- epoch ms
    delivered_at     INTEGER,
    last_status      INTEGER,
    last_error       TEXT,               -- kind and HTTP status only, never personal data
    result           BLOB                -- sealed answer from the centre (e.g. a case number)
);
CREATE INDEX outbox_pending ON outbox (state, kind, seq);
CREATE INDEX outbox_delivered ON outbox (state, delivered_at);
